#include "tests/accueil/TestPostSupport.h"

#include "core/storage/MigrationRunner.h"
#include "modules/accueil/post/PostPermissions.h"
#include "modules/accueil/post/PostSchema.h"

using namespace Qt::StringLiterals;

namespace iris::test {

bool PostSite::start(QString* error)
{
    accueil::declarePostPermissions(*f.permissions);
    if (!f.start(error))
        return false;
    MigrationRunner post;
    post.add(accueil::PostSchemaOwner, accueil::postMigrations());
    if (Result<void> r = post.run(*f.db, accueil::PostSchemaOwner); !r) {
        if (error)
            *error = r.error().toString() + u" / "_s + r.error().detail();
        return false;
    }
    return true;
}

std::unique_ptr<accueil::PostService> PostSite::post(CoreServices& services)
{
    auto service = std::make_unique<accueil::PostService>(services);
    service->setClock(f.clock());
    return service;
}

accueil::PostLetter PostSite::letter(const QString& subject, const QDate& received)
{
    accueil::PostLetter l;
    l.subject = subject;
    l.receivedOn = received;
    l.senderName = u"Syndic Les Jardins"_s;
    l.senderAddress = u"4 allée des Tilleuls\n92130 Issy-les-Moulineaux"_s;
    return l;
}

QByteArray PostSite::minimalPdf(const QString& text)
{
    // A one-page PDF written by hand (valid xref offsets), enough for the register.
    const QByteArray stream = "BT /F1 12 Tf 72 720 Td (" + text.toLatin1() + ") Tj ET";
    QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype o : offsets)
        pdf += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

qint64 PostSite::count(const QString& table)
{
    return f.scalar(QString(u"SELECT COUNT(*) FROM "_s + table)).toLongLong();
}

} // namespace iris::test
