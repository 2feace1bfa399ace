#include "modules/etatcivil/documents/PdfRenderer.h"

#include <QFile>
#include <QFileInfo>
#include <QDir>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

Result<void> PdfRenderer::write(const QString& html, const QString& filePath, const QString& title)
{
    const QFileInfo info(filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return Error(ErrorCode::IoError, tr("Le dossier « %1 » ne peut pas être créé.").arg(info.absolutePath()));
    // Write next to the target and rename, so a failed run never leaves half a letter.
    const QString partial = filePath + u".part"_s;
    {
        QPdfWriter writer(partial);
        writer.setTitle(title);
        writer.setCreator(u"IRIS Desk — État civil"_s);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 18, 20, 18),
                                         QPageLayout::Millimeter));
        writer.setResolution(300);
        QTextDocument doc;
        doc.setDefaultStyleSheet(u"body { font-family: 'DejaVu Sans'; font-size: 10pt; } "
                                 u"h1 { font-size: 15pt; } h2 { font-size: 11pt; } "
                                 u"td { padding: 2px 6px; } .small { font-size: 8pt; color: #444; }"_s);
        doc.setHtml(html);
        doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
        doc.print(&writer);
    }
    QFile part(partial);
    if (!part.exists() || part.size() == 0)
        return Error(ErrorCode::IoError, tr("Le document PDF « %1 » n'a pas pu être écrit.").arg(filePath));
    QFile::remove(filePath);
    if (!part.rename(filePath))
        return Error(ErrorCode::IoError, tr("Le document PDF « %1 » n'a pas pu être enregistré.").arg(filePath));
    return {};
}

} // namespace iris::etatcivil
