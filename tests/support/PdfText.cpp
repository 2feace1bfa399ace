#include "tests/support/PdfText.h"

#include <QProcess>
#include <QRegularExpression>

namespace iris::test {

QString pdfText(const QString& path, PdfLayout layout)
{
    QStringList args;
    if (layout == PdfLayout::Physical)
        args << QStringLiteral("-layout");
    args << QStringLiteral("-enc") << QStringLiteral("UTF-8") << path << QStringLiteral("-");
    QProcess p;
    p.start(QStringLiteral("pdftotext"), args);
    if (!p.waitForFinished(20000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {};
    // NFKC turns the typographic ligatures the layout uses ("ﬁ") back into letters.
    QString text = QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    static const QRegularExpression cut(QStringLiteral("(\\w-)[ \\t]*\\n[ \\t]*"));
    return text.replace(cut, QStringLiteral("\\1")).simplified();
}

} // namespace iris::test
