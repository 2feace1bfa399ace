#include "tests/etatcivil/support/PdfText.h"

#include <QProcess>

namespace iris::test {

QString pdfText(const QString& path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return {};
    // NFKC turns the typographic ligatures the layout uses ("ﬁ") back into letters.
    return QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC).simplified();
}

} // namespace iris::test
