#include "modules/accueil/post/ui/PostDesktop.h"

#include "ui/widgets/DesktopFiles.h"

#include <QDir>
#include <QSaveFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace iris::accueil {

QString PostDesktop::choosePdf(QWidget* parent, const QString& caption)
{
    return ui::DesktopFiles::chooseFile(parent, caption, tr("Documents PDF (*.pdf *.PDF)"));
}

namespace {

/// Where copies to view are written: a private folder (owner only) removed when the
/// application quits. The register keeps its documents in the database; personal data
/// does not pile up on the workstation's disk.
QTemporaryDir& viewingFolder()
{
    static QTemporaryDir folder(QDir(QDir::tempPath()).filePath(u"iris-courrier-XXXXXX"_s));
    return folder;
}

} // namespace

QString PostDesktop::writeAndOpen(const QString& fileName, const QByteArray& bytes)
{
    if (!viewingFolder().isValid())
        return tr("Le dossier temporaire de consultation ne peut pas être créé : %1.")
            .arg(viewingFolder().errorString());
    const QString folder = viewingFolder().path();
    const QString path = QDir(folder).filePath(QFileInfo(fileName).fileName());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return tr("Le document ne peut pas être écrit dans « %1 ».").arg(folder);
    if (!ui::DesktopFiles::open(path))
        return tr("Document enregistré dans %1 : aucune visionneuse PDF n'a pu être lancée.").arg(path);
    return {};
}

} // namespace iris::accueil
