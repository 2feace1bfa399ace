#include "app/desk/src/ErrorReporter.h"

#include "ui/widgets/MessageBox.h"

#include <QApplication>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace iris::shell {

QString ErrorReporter::advice(ErrorCode code)
{
    switch (code) {
    case ErrorCode::DatabaseLocked:
        return tr("La base est utilisée par un autre programme. Fermez-le ou réessayez dans un instant.");
    case ErrorCode::DatabaseReadOnly:
        return tr(
            "Le fichier ou son dossier n'est pas accessible en écriture. Vérifiez les droits du fichier "
            "ou choisissez une autre base avec --db.");
    case ErrorCode::DatabaseCorrupt:
        return tr("Le fichier n'est pas une base IRIS Desk lisible. Il n'a pas été modifié ; restaurez une "
                  "sauvegarde ou choisissez une autre base avec --db.");
    case ErrorCode::SchemaTooNew:
        return tr("La base a été créée par une version plus récente d'IRIS Desk. Elle n'a pas été modifiée ; "
                  "installez la dernière version de l'application.");
    case ErrorCode::IoError:
        return tr("Vérifiez que le dossier existe et que le disque n'est pas plein.");
    default:
        return tr("Si le problème persiste, contactez l'administrateur du site.");
    }
}

int ErrorReporter::exitCodeFor(ErrorCode code)
{
    // Distinct codes let scripts tell the cases apart; all are non-zero.
    switch (code) {
    case ErrorCode::DatabaseLocked:
        return 10;
    case ErrorCode::DatabaseReadOnly:
        return 11;
    case ErrorCode::DatabaseCorrupt:
        return 12;
    case ErrorCode::SchemaTooNew:
        return 13;
    default:
        return 1;
    }
}

void ErrorReporter::report(const QString& what, const Error& error, QWidget* parent) const
{
    const QString text = error.toString();
    const QString hint = advice(error.code());

    QString console = u"iris-desk : "_s + what + u" : "_s + text + u'\n' + hint + u'\n';
    if (!error.detail().isEmpty())
        console += tr("Détail technique : %1").arg(error.detail()) + u'\n';
    std::fputs(console.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);

    if (m_mode == Mode::ConsoleOnly || qobject_cast<QApplication*>(QCoreApplication::instance()) == nullptr)
        return;
    ui::MessageBox::critical(parent, what, QString(text + u"\n\n"_s + hint), error.detail());
}

} // namespace iris::shell
