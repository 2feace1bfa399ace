#include "ui/print/PdfRenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace iris::ui {

namespace {

void print(QPdfWriter& writer, const QString& html, const QString& title)
{
    writer.setTitle(title);
    writer.setCreator(u"IRIS Desk"_s);
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(20, 18, 20, 18), QPageLayout::Millimeter));
    writer.setResolution(300);
    QTextDocument doc;
    // Lay the text out at the writer's resolution: with the screen's, a 10 pt font would
    // be printed at a third of its size on the 300 dpi page.
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setDefaultStyleSheet(u"body { font-family: 'DejaVu Sans'; font-size: 10pt; } "
                             u"h1 { font-size: 15pt; } h2 { font-size: 11pt; } "
                             u"td { padding: 2px 6px; } .small { font-size: 8pt; color: #444; }"_s);
    doc.setHtml(html);
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
    doc.print(&writer);
}

} // namespace

Result<void> PdfRenderer::write(const QString& html, const QString& filePath, const QString& title)
{
    const QFileInfo info(filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return Error(
            ErrorCode::IoError, tr("Le dossier « %1 » ne peut pas être créé.").arg(info.absolutePath()));
    const QString partial = filePath + u".part"_s;
    {
        QPdfWriter writer(partial);
        print(writer, html, title);
    }
    QFile part(partial);
    if (!part.exists() || part.size() == 0)
        return Error(ErrorCode::IoError, tr("Le document PDF « %1 » n'a pas pu être écrit.").arg(filePath));
    QFile::remove(filePath);
    if (!part.rename(filePath))
        return Error(
            ErrorCode::IoError, tr("Le document PDF « %1 » n'a pas pu être enregistré.").arg(filePath));
    return {};
}

Result<QByteArray> PdfRenderer::render(const QString& html, const QString& title)
{
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        if (!buffer.open(QIODevice::WriteOnly))
            return Error(
                ErrorCode::IoError, tr("Le document PDF « %1 » n'a pas pu être préparé.").arg(title));
        QPdfWriter writer(&buffer);
        print(writer, html, title);
    }
    if (!bytes.startsWith("%PDF-"))
        return Error(ErrorCode::IoError, tr("Le document PDF « %1 » n'a pas pu être produit.").arg(title));
    return bytes;
}

} // namespace iris::ui
