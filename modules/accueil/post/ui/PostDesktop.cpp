#include "modules/accueil/post/ui/PostDesktop.h"

#include "ui/widgets/DesktopFiles.h"

#include <QDir>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace iris::accueil {

QString PostDesktop::choosePdf(QWidget* parent, const QString& caption)
{
    return ui::DesktopFiles::chooseFile(parent, caption, tr("Documents PDF (*.pdf *.PDF)"));
}

QString PostDesktop::writeAndOpen(const QString& fileName, const QByteArray& bytes)
{
    const QString folder
        = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"courrier"_s);
    if (!QDir().mkpath(folder))
        return tr("Le dossier « %1 » ne peut pas être créé.").arg(folder);
    const QString path = QDir(folder).filePath(fileName);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return tr("Le document ne peut pas être écrit dans « %1 ».").arg(folder);
    if (!ui::DesktopFiles::open(path))
        return tr("Document enregistré dans %1 : aucune visionneuse PDF n'a pu être lancée.").arg(path);
    return {};
}

} // namespace iris::accueil
