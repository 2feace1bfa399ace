#include "ui/kb/KbArticleHtml.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace iris::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::ui::KbArticleHtml", text);
}

QString frenchDate(const QDate& date)
{
    return QLocale(QLocale::French, QLocale::France).toString(date, QStringLiteral("d MMMM yyyy"));
}

/// Escapes one line and turns http(s) addresses into links.
QString inlineHtml(const QString& text)
{
    static const QRegularExpression url(QStringLiteral("https?://[^\\s<>\"]+"));
    QString out;
    qsizetype last = 0;
    auto it = url.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last).toHtmlEscaped();
        QString address = m.captured(0);
        while (address.endsWith(QLatin1Char('.')) || address.endsWith(QLatin1Char(','))
            || address.endsWith(QLatin1Char(')')))
            address.chop(1);
        out += QStringLiteral("<a href=\"%1\">%1</a>").arg(address.toHtmlEscaped());
        last = m.capturedStart() + address.size();
    }
    out += text.mid(last).toHtmlEscaped();
    return out;
}

} // namespace

QString KbArticleHtml::render(const iris::kb::KbArticle& a, const QDate& today)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(a.title.toHtmlEscaped());
    QStringList meta;
    if (a.updated.isValid())
        meta << tr("Mis à jour le %1").arg(frenchDate(a.updated));
    if (a.reviewBy.isValid())
        meta << tr("À revoir le %1").arg(frenchDate(a.reviewBy));
    meta << tr("Service responsable : %1")
                .arg(a.ownerService.isEmpty() ? tr("non renseigné") : a.ownerService.toHtmlEscaped());
    html += QStringLiteral("<p style=\"color:#555\">%1</p>").arg(meta.join(QStringLiteral(" · ")));
    if (a.needsReview(today))
        html += QStringLiteral("<p style=\"color:#a40000\"><b>%1</b></p>")
                    .arg(tr("Date de révision dépassée : vérifiez l'information auprès du service avant de "
                            "la donner."));
    if (!a.summary.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p>").arg(inlineHtml(a.summary));
    bool inList = false;
    const QStringList lines = a.body.split(QLatin1Char('\n'));
    for (const QString& raw : lines) {
        const QString line = raw.trimmed();
        const bool item = line.startsWith(QLatin1String("- ")) || line.startsWith(QChar(0x2022));
        if (item != inList) {
            html += item ? QStringLiteral("<ul>") : QStringLiteral("</ul>");
            inList = item;
        }
        if (line.isEmpty())
            continue;
        if (item)
            html += QStringLiteral("<li>%1</li>")
                        .arg(inlineHtml(line.mid(line.startsWith(QChar(0x2022)) ? 1 : 2).trimmed()));
        else
            html += QStringLiteral("<p>%1</p>").arg(inlineHtml(line));
    }
    if (inList)
        html += QStringLiteral("</ul>");
    if (!a.tags.isEmpty())
        html += QStringLiteral("<p style=\"color:#555\">%1</p>")
                    .arg(tr("Mots-clés : %1").arg(a.tags.join(QStringLiteral(", ")).toHtmlEscaped()));
    if (a.url.startsWith(QLatin1String("http://")) || a.url.startsWith(QLatin1String("https://")))
        html += QStringLiteral("<p>%1 %2</p>").arg(tr("Source :"), inlineHtml(a.url));
    return html;
}

QString KbArticleHtml::plainAnswer(const iris::kb::KbArticle& a)
{
    QStringList parts { a.title };
    if (!a.summary.isEmpty())
        parts << a.summary;
    if (!a.body.isEmpty())
        parts << a.body;
    if (!a.url.isEmpty())
        parts << tr("Source : %1").arg(a.url);
    return parts.join(QStringLiteral("\n\n"));
}

} // namespace iris::ui
