#include "core/base/Validators.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;

// Expected failures are identified by a fragment of their French message, so a test
// fails when a value is refused for the wrong reason.
class TestValidators final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phone_data();
    void phone();
    void phoneFormat_data();
    void phoneFormat();
    void phoneQuery_data();
    void phoneQuery();
    void phoneReversedKey();
    void nir_data();
    void nir();
    void nirKeyAndFormat();
    void siren_data();
    void siren();
    void siret_data();
    void siret();
    void rna_data();
    void rna();
    void companyFormat();
    void email_data();
    void email();
    void postcode_data();
    void postcode();
    void personName_data();
    void personName();
    void displayNames();
    void birthDate_data();
    void birthDate();
    void birthDateFromText_data();
    void birthDateFromText();
    void validationErrorsCollectsEveryField();
};

namespace {

template<typename T>
void checkResult(const Result<T>& result, const QString& expected, const QString& errorPart)
{
    if (errorPart.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        if constexpr (std::is_same_v<T, QString>)
            QCOMPARE(result.value(), expected);
    } else {
        QVERIFY2(!result.ok(), "accepted a value that must be refused");
        QCOMPARE(result.error().code(), ErrorCode::Validation);
        QVERIFY2(result.error().message().contains(errorPart),
            qPrintable(result.error().message() + u" ⇏ "_s + errorPart));
    }
}

void addColumns()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("error");
}

} // namespace

void TestValidators::phone_data()
{
    addColumns();
    const QString issy = u"+33141238000"_s;
    QTest::newRow("spaces") << u"01 41 23 80 00"_s << issy << QString();
    QTest::newRow("dots") << u"01.41.23.80.00"_s << issy << QString();
    QTest::newRow("dashes") << u"01-41-23-80-00"_s << issy << QString();
    QTest::newRow("slashes") << u"01/41/23/80/00"_s << issy << QString();
    QTest::newRow("compact") << u"0141238000"_s << issy << QString();
    QTest::newRow("padded") << u"   0141238000  "_s << issy << QString();
    QTest::newRow("nbsp") << u"01\u00A041\u00A023\u00A080\u00A000"_s << issy << QString();
    QTest::newRow("+33 spaced") << u"+33 1 41 23 80 00"_s << issy << QString();
    QTest::newRow("+33 compact") << u"+33141238000"_s << issy << QString();
    QTest::newRow("+33 (0)") << u"+33 (0)1 41 23 80 00"_s << issy << QString();
    QTest::newRow("+33(0) compact") << u"+33(0)141238000"_s << issy << QString();
    QTest::newRow("+33 with trunk 0") << u"+33 01 41 23 80 00"_s << issy << QString();
    QTest::newRow("0033") << u"0033141238000"_s << issy << QString();
    QTest::newRow("0033 spaced") << u"00 33 1 41 23 80 00"_s << issy << QString();
    QTest::newRow("0033 (0)") << u"0033 (0)1 41 23 80 00"_s << issy << QString();
    QTest::newRow("mobile 06") << u"06 12 34 56 78"_s << u"+33612345678"_s << QString();
    QTest::newRow("mobile 07") << u"07.81.23.45.67"_s << u"+33781234567"_s << QString();
    QTest::newRow("09 box") << u"09 51 23 45 67"_s << u"+33951234567"_s << QString();
    QTest::newRow("0800 free") << u"0 800 123 456"_s << u"+33800123456"_s << QString();
    QTest::newRow("CCAS") << u"01 41 23 86 50"_s << u"+33141238650"_s << QString();
    QTest::newRow("Réunion landline") << u"02 62 12 34 56"_s << u"+262262123456"_s << QString();
    QTest::newRow("Réunion mobile") << u"06 92 12 34 56"_s << u"+262692123456"_s << QString();
    QTest::newRow("Mayotte mobile") << u"06 39 12 34 56"_s << u"+262639123456"_s << QString();
    QTest::newRow("Guadeloupe") << u"0590 12 34 56"_s << u"+590590123456"_s << QString();
    QTest::newRow("Guyane mobile") << u"0694 12 34 56"_s << u"+594694123456"_s << QString();
    QTest::newRow("Martinique") << u"05 96 12 34 56"_s << u"+596596123456"_s << QString();
    QTest::newRow("+262 kept") << u"+262 692 12 34 56"_s << u"+262692123456"_s << QString();
    QTest::newRow("+33 on overseas number") << u"+33 6 92 12 34 56"_s << u"+262692123456"_s << QString();
    QTest::newRow("UK with (0)") << u"+44 (0)20 7946 0958"_s << u"+442079460958"_s << QString();
    QTest::newRow("Belgium 0032") << u"0032 2 123 45 67"_s << u"+3221234567"_s << QString();
    QTest::newRow("Germany") << u"+49 30 123456"_s << u"+4930123456"_s << QString();
    QTest::newRow("US") << u"+1 (212) 555-0100"_s << u"+12125550100"_s << QString();

    QTest::newRow("empty") << u"  "_s << QString() << u"est vide"_s;
    QTest::newRow("letters") << u"01 41 23 80 OO"_s << QString() << u"que des chiffres"_s;
    QTest::newRow("nine digits") << u"01 41 23 80 0"_s << QString() << u"10 chiffres"_s;
    QTest::newRow("eleven digits") << u"01 41 23 80 000"_s << QString() << u"10 chiffres"_s;
    QTest::newRow("no leading 0") << u"1141238000"_s << QString() << u"commencer par 0"_s;
    QTest::newRow("short number 15") << u"15"_s << QString() << u"10 chiffres"_s;
    QTest::newRow("+33 too short") << u"+33 1 41 23 80"_s << QString() << u"9 chiffres après +33"_s;
    QTest::newRow("+33 too long") << u"+33 1 41 23 80 00 1"_s << QString() << u"9 chiffres après +33"_s;
    QTest::newRow("+0") << u"+0 123 456 789"_s << QString() << u"indicatif"_s;
    QTest::newRow("foreign too short") << u"+49 301"_s << QString() << u"8 à 15 chiffres"_s;
    QTest::newRow("foreign too long") << u"+49 3012 3456 7890 1234"_s << QString() << u"8 à 15 chiffres"_s;
    QTest::newRow("plus in the middle") << u"01 41+23 80 00"_s << QString() << u"que des chiffres"_s;
}

void TestValidators::phone()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    checkResult(PhoneNumber::normalize(input), expected, error);
}

void TestValidators::phoneFormat_data()
{
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("french");
    QTest::newRow("Issy") << u"+33141238000"_s << u"01 41 23 80 00"_s << true;
    QTest::newRow("mobile") << u"+33612345678"_s << u"06 12 34 56 78"_s << true;
    QTest::newRow("Réunion") << u"+262692123456"_s << u"06 92 12 34 56"_s << true;
    QTest::newRow("Guadeloupe") << u"+590590123456"_s << u"05 90 12 34 56"_s << true;
    QTest::newRow("UK stays E.164") << u"+442079460958"_s << u"+442079460958"_s << false;
    QTest::newRow("not E.164") << u"n/a"_s << u"n/a"_s << false;
}

void TestValidators::phoneFormat()
{
    QFETCH(QString, e164);
    QFETCH(QString, shown);
    QFETCH(bool, french);
    QCOMPARE(PhoneNumber::format(e164), shown);
    QCOMPARE(PhoneNumber::isFrench(e164), french);
    if (french) {
        // Round trip: what is shown is accepted back as the same number.
        QCOMPARE(PhoneNumber::normalize(shown).value(), e164);
        QCOMPARE(PhoneNumber::nationalDigits(e164), QString(shown).remove(QLatin1Char(' ')));
    } else {
        QVERIFY(PhoneNumber::nationalDigits(e164).isEmpty());
    }
}

void TestValidators::phoneQuery_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("digits");
    using K = PhoneNumber::Query::Kind;
    QTest::newRow("name") << u"dupont"_s << int(K::None) << QString() << QString();
    QTest::newRow("one digit") << u"8"_s << int(K::None) << QString() << QString();
    QTest::newRow("mixed") << u"dup 80"_s << int(K::None) << QString() << QString();
    QTest::newRow("complete") << u"01 41 23 80 00"_s << int(K::Exact) << u"+33141238000"_s << QString();
    QTest::newRow("complete intl") << u"+33 (0)1 41 23 80 00"_s << int(K::Exact) << u"+33141238000"_s
                                   << QString();
    QTest::newRow("national prefix") << u"01 41"_s << int(K::Prefix) << u"+33141"_s << QString();
    QTest::newRow("mobile prefix") << u"06"_s << int(K::Prefix) << u"+336"_s << QString();
    QTest::newRow("overseas prefix") << u"0692 1"_s << int(K::Prefix) << u"+2626921"_s << QString();
    QTest::newRow("+33 prefix") << u"+33 6"_s << int(K::Prefix) << u"+336"_s << QString();
    QTest::newRow("+33 0 prefix") << u"+33 01 4"_s << int(K::Prefix) << u"+3314"_s << QString();
    QTest::newRow("0033 prefix") << u"0033 1 41"_s << int(K::Prefix) << u"+33141"_s << QString();
    QTest::newRow("last digits") << u"80 00"_s << int(K::Suffix) << QString() << u"8000"_s;
    QTest::newRow("last six digits") << u"23.80.00"_s << int(K::Suffix) << QString() << u"238000"_s;
    QTest::newRow("too long national") << u"01412380000"_s << int(K::None) << QString() << QString();
}

void TestValidators::phoneQuery()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, e164);
    QFETCH(QString, digits);
    const PhoneNumber::Query q = PhoneNumber::query(text);
    QCOMPARE(int(q.kind), kind);
    QCOMPARE(q.e164, e164);
    QCOMPARE(q.digits, digits);
    if (q.kind == PhoneNumber::Query::Kind::Suffix) {
        // The reversed digits are a prefix of the stored reversed key of a matching number.
        QVERIFY(PhoneNumber::reversedKey(u"+33141238000"_s).startsWith(q.reversed));
    }
    if (q.kind == PhoneNumber::Query::Kind::Prefix && e164.startsWith(u"+33"_s))
        QVERIFY(u"+33141238000"_s.startsWith(q.e164) || u"+33612345678"_s.startsWith(q.e164));
}

void TestValidators::phoneReversedKey()
{
    QCOMPARE(PhoneNumber::reversedKey(u"+33141238000"_s), u"00083214133"_s);
    QCOMPARE(PhoneNumber::reversedKey(QString()), QString());
    QCOMPARE(PhoneNumber::query(u"3 80 00"_s).reversed, u"00083"_s);
    QCOMPARE(PhoneNumber::query(u"80"_s, 3).kind, PhoneNumber::Query::Kind::None);
}

void TestValidators::nir_data()
{
    addColumns();
    // Synthetic NIRs; keys computed as 97 − (13 digits mod 97).
    QTest::newRow("man, Yvelines") << u"1 85 05 78 006 084 91"_s << u"185057800608491"_s << QString();
    QTest::newRow("compact") << u"185057800608491"_s << u"185057800608491"_s << QString();
    QTest::newRow("dots") << u"1.85.05.78.006.084.91"_s << u"185057800608491"_s << QString();
    QTest::newRow("woman, Ain") << u"2 69 01 75 123 456 64"_s << u"269017512345664"_s << QString();
    QTest::newRow("key with leading zero") << u"2 78 05 99 123 456 09"_s << u"278059912345609"_s << QString();
    QTest::newRow("Corse-du-Sud 2A") << u"1 85 05 2A 004 123 56"_s << u"185052A00412356"_s << QString();
    QTest::newRow("Haute-Corse 2b lower case")
        << u"2 90 11 2b 033 012 95"_s << u"290112B03301295"_s << QString();
    QTest::newRow("old Corsica département 20")
        << u"1 75 02 20 123 001 30"_s << u"175022012300130"_s << QString();

    QTest::newRow("empty") << QString() << QString() << u"est vide"_s;
    QTest::newRow("wrong key") << u"1 85 05 78 006 084 92"_s << QString() << u"clé du NIR"_s;
    QTest::newRow("2A key used as 20") << u"1 85 05 2A 004 123 30"_s << QString() << u"clé du NIR"_s;
    QTest::newRow("too short") << u"1 85 05 78 006 084"_s << QString() << u"15 caractères"_s;
    QTest::newRow("sex 5") << u"5 85 05 78 006 084 91"_s << QString() << u"forme attendue"_s;
    QTest::newRow("month 13") << u"1 85 13 78 006 084 91"_s << QString() << u"forme attendue"_s;
    QTest::newRow("letter in commune") << u"1 85 05 78 0O6 084 91"_s << QString() << u"forme attendue"_s;
    QTest::newRow("2C") << u"1 85 05 2C 004 123 56"_s << QString() << u"forme attendue"_s;
}

void TestValidators::nir()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    checkResult(Nir::normalize(input), expected, error);
}

void TestValidators::nirKeyAndFormat()
{
    QCOMPARE(Nir::key(u"1850578006084"), 91);
    QCOMPARE(Nir::key(u"185052A004123"), 56);
    QCOMPARE(Nir::key(u"290112B033012"), 95);
    QCOMPARE(Nir::key(u"18505"), -1);
    QCOMPARE(Nir::format(u"185057800608491"), u"1 85 05 78 006 084 91"_s);
    QCOMPARE(Nir::format(u"185052A00412356"), u"1 85 05 2A 004 123 56"_s);
    QCOMPARE(Nir::format(u"123"), u"123"_s);
}

void TestValidators::siren_data()
{
    addColumns();
    QTest::newRow("valid") << u"732 829 320"_s << u"732829320"_s << QString();
    QTest::newRow("compact") << u"552100554"_s << u"552100554"_s << QString();
    QTest::newRow("La Poste") << u"356 000 000"_s << u"356000000"_s << QString();
    QTest::newRow("bad key") << u"732 829 321"_s << QString() << u"clé de contrôle"_s;
    QTest::newRow("8 digits") << u"73282932"_s << QString() << u"9 chiffres"_s;
    QTest::newRow("letters") << u"73282932A"_s << QString() << u"9 chiffres"_s;
    QTest::newRow("empty") << QString() << QString() << u"est vide"_s;
}

void TestValidators::siren()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    checkResult(CompanyIds::siren(input), expected, error);
}

void TestValidators::siret_data()
{
    addColumns();
    QTest::newRow("valid") << u"732 829 320 00017"_s << u"73282932000017"_s << QString();
    QTest::newRow("valid compact") << u"55210055400013"_s << u"55210055400013"_s << QString();
    QTest::newRow("La Poste head office (Luhn)")
        << u"356 000 000 00048"_s << u"35600000000048"_s << QString();
    QTest::newRow("La Poste, sum multiple of 5") << u"35600000000010"_s << u"35600000000010"_s << QString();
    QTest::newRow("La Poste, sum not multiple of 5")
        << u"35600000000011"_s << QString() << u"clé de contrôle"_s;
    QTest::newRow("sum rule is La Poste only") << u"73282932000010"_s << QString() << u"clé de contrôle"_s;
    QTest::newRow("bad key") << u"732 829 320 00018"_s << QString() << u"clé de contrôle"_s;
    QTest::newRow("13 digits") << u"7328293200001"_s << QString() << u"14 chiffres"_s;
    QTest::newRow("empty") << u" "_s << QString() << u"est vide"_s;
}

void TestValidators::siret()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    checkResult(CompanyIds::siret(input), expected, error);
}

void TestValidators::rna_data()
{
    addColumns();
    QTest::newRow("valid") << u"W922001234"_s << u"W922001234"_s << QString();
    QTest::newRow("lower case, spaced") << u"w 922 001 234"_s << u"W922001234"_s << QString();
    QTest::newRow("no W") << u"922001234"_s << QString() << u"lettre W"_s;
    QTest::newRow("8 digits") << u"W92200123"_s << QString() << u"lettre W"_s;
    QTest::newRow("other letter") << u"X922001234"_s << QString() << u"lettre W"_s;
    QTest::newRow("empty") << QString() << QString() << u"est vide"_s;
}

void TestValidators::rna()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    checkResult(CompanyIds::rna(input), expected, error);
}

void TestValidators::companyFormat()
{
    QVERIFY(CompanyIds::luhnValid(u"79927398713"));
    QVERIFY(!CompanyIds::luhnValid(u"79927398710"));
    QVERIFY(!CompanyIds::luhnValid(u""));
    QVERIFY(!CompanyIds::luhnValid(u"12a"));
    QCOMPARE(CompanyIds::format(u"732829320"), u"732 829 320"_s);
    QCOMPARE(CompanyIds::format(u"73282932000017"), u"732 829 320 00017"_s);
    QCOMPARE(CompanyIds::format(u"12"), u"12"_s);
}

void TestValidators::email_data()
{
    addColumns();
    QTest::newRow("simple") << u"jean.dupont@example.fr"_s << u"jean.dupont@example.fr"_s << QString();
    QTest::newRow("domain lower-cased, local kept")
        << u"  Jean.Dupont@Mairie-Issy.FR "_s << u"Jean.Dupont@mairie-issy.fr"_s << QString();
    QTest::newRow("plus tag") << u"jean+iris@example.org"_s << u"jean+iris@example.org"_s << QString();
    QTest::newRow("subdomains") << u"a@b.c.example.com"_s << u"a@b.c.example.com"_s << QString();
    QTest::newRow("special atext") << u"o'brien_{x}@example.ie"_s << u"o'brien_{x}@example.ie"_s << QString();
    QTest::newRow("IDN domain") << u"contact@Mairie-Issy-Lès.fr"_s << u"contact@mairie-issy-lès.fr"_s
                                << QString();
    QTest::newRow("punycode TLD") << u"a@example.xn--p1ai"_s << u"a@example.xn--p1ai"_s << QString();

    QTest::newRow("empty") << QString() << QString() << u"est vide"_s;
    QTest::newRow("no at") << u"jean.dupont.example.fr"_s << QString() << u"un seul « @ »"_s;
    QTest::newRow("two ats") << u"a@b@example.fr"_s << QString() << u"un seul « @ »"_s;
    QTest::newRow("space") << u"jean dupont@example.fr"_s << QString() << u"espace"_s;
    QTest::newRow("leading dot") << u".jean@example.fr"_s << QString() << u"avant « @ »"_s;
    QTest::newRow("double dot") << u"jean..dupont@example.fr"_s << QString() << u"avant « @ »"_s;
    QTest::newRow("empty local") << u"@example.fr"_s << QString() << u"avant « @ »"_s;
    QTest::newRow("accented local") << u"hélène@example.fr"_s << QString() << u"avant « @ »"_s;
    QTest::newRow("no TLD") << u"jean@localhost"_s << QString() << u"domaine"_s;
    QTest::newRow("numeric TLD") << u"jean@example.123"_s << QString() << u"domaine"_s;
    QTest::newRow("hyphen edge") << u"jean@-example.fr"_s << QString() << u"domaine"_s;
    QTest::newRow("empty label") << u"jean@example..fr"_s << QString() << u"domaine"_s;
    QTest::newRow("one-letter TLD") << u"jean@example.f"_s << QString() << u"domaine"_s;
    QTest::newRow("local too long") << QString(QString(65, QLatin1Char('a')) + u"@example.fr"_s) << QString()
                                    << u"avant « @ »"_s;
}

void TestValidators::email()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    checkResult(Validators::email(input), expected, error);
}

void TestValidators::postcode_data()
{
    addColumns();
    QTest::newRow("Issy") << u"92130"_s << u"92130"_s << QString();
    QTest::newRow("spaced") << u" 92 130 "_s << u"92130"_s << QString();
    QTest::newRow("Corsica") << u"20000"_s << u"20000"_s << QString();
    QTest::newRow("Ain") << u"01000"_s << u"01000"_s << QString();
    QTest::newRow("Réunion") << u"97400"_s << u"97400"_s << QString();
    QTest::newRow("four digits") << u"9213"_s << QString() << u"5 chiffres"_s;
    QTest::newRow("six digits") << u"921300"_s << QString() << u"5 chiffres"_s;
    QTest::newRow("letters") << u"92I30"_s << QString() << u"5 chiffres"_s;
    QTest::newRow("cedex") << u"92131 CEDEX"_s << QString() << u"5 chiffres"_s;
    QTest::newRow("00") << u"00130"_s << QString() << u"n'existe pas"_s;
    QTest::newRow("empty") << QString() << QString() << u"est vide"_s;
}

void TestValidators::postcode()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    checkResult(Validators::postcode(input), expected, error);
}

void TestValidators::personName_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("isNom");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("all caps capitalised") << u"DUPONT"_s << true << u"Dupont"_s << QString();
    QTest::newRow("all lower capitalised") << u"lefèvre"_s << true << u"Lefèvre"_s << QString();
    QTest::newRow("mixed case kept") << u"de La Fontaine"_s << true << u"de La Fontaine"_s << QString();
    QTest::newRow("McKenna kept") << u"McKenna"_s << true << u"McKenna"_s << QString();
    QTest::newRow("hyphen parts") << u"DUPONT-MORETTI"_s << true << u"Dupont-Moretti"_s << QString();
    QTest::newRow("apostrophe parts") << u"d'ornano"_s << true << u"D'Ornano"_s << QString();
    QTest::newRow("typographic apostrophe") << u"N’Diaye"_s << true << u"N'Diaye"_s << QString();
    QTest::newRow("spaces trimmed and collapsed") << u"  Le   Gall  "_s << true << u"Le Gall"_s << QString();
    QTest::newRow("spaces around hyphen") << u"Dupont - Durand"_s << true << u"Dupont-Durand"_s << QString();
    QTest::newRow("double hyphen nom") << u"Martin--Durand"_s << true << u"Martin--Durand"_s << QString();
    QTest::newRow("accented caps") << u"HÉLÈNE"_s << false << u"Hélène"_s << QString();
    QTest::newRow("several prénoms") << u"jean-pierre  marie"_s << false << u"Jean-Pierre Marie"_s
                                     << QString();
    QTest::newRow("decomposed accents") << u"Ange\u0301lique"_s << false << u"Angélique"_s << QString();
    QTest::newRow("ligature") << u"ŒDIPE"_s << false << u"Œdipe"_s << QString();
    QTest::newRow("80 characters") << QString(80, QLatin1Char('a')) << true
                                   << QString(u"A"_s + QString(79, QLatin1Char('a'))) << QString();

    QTest::newRow("empty nom") << u"   "_s << true << QString() << u"Le nom est vide"_s;
    QTest::newRow("empty prénom") << QString() << false << QString() << u"Le prénom est vide"_s;
    QTest::newRow("digit") << u"Dupont2"_s << true << QString() << u"chiffre"_s;
    QTest::newRow("symbol") << u"Dupont@"_s << true << QString() << u"caractère non autorisé : « @ »"_s;
    QTest::newRow("comma") << u"Jean, Paul"_s << false << QString() << u"caractère non autorisé : « , »"_s;
    QTest::newRow("only hyphen") << u"-"_s << true << QString() << u"au moins une lettre"_s;
    QTest::newRow("leading hyphen") << u"-Dupont"_s << true << QString() << u"mal formé"_s;
    QTest::newRow("trailing apostrophe") << u"Dupont'"_s << true << QString() << u"mal formé"_s;
    QTest::newRow("double apostrophe") << u"D''Ornano"_s << true << QString() << u"mal formé"_s;
    QTest::newRow("double hyphen prénom") << u"Jean--Pierre"_s << false << QString() << u"mal formé"_s;
    QTest::newRow("81 characters") << QString(81, QLatin1Char('a')) << true << QString()
                                   << u"80 caractères"_s;
    QTest::newRow("121 characters prénoms")
        << QString(121, QLatin1Char('a')) << false << QString() << u"120 caractères"_s;
}

void TestValidators::personName()
{
    QFETCH(QString, input);
    QFETCH(bool, isNom);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    checkResult(
        Validators::personName(input, isNom ? Validators::NameKind::Nom : Validators::NameKind::Prenoms),
        expected, error);
}

void TestValidators::displayNames()
{
    QCOMPARE(Validators::displayNom(u"Lefèvre-Dupont"), u"LEFÈVRE-DUPONT"_s);
    QCOMPARE(Validators::displayFullName(u"de La Fontaine", u"Jean"), u"DE LA FONTAINE Jean"_s);
    QCOMPARE(Validators::displayFullName(u"", u"Jean"), u"Jean"_s);
    QCOMPARE(Validators::displayFullName(u"Dupont", u" "), u"DUPONT"_s);
}

void TestValidators::birthDate_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("error");
    QTest::newRow("ordinary") << QDate(1985, 7, 14) << QString();
    QTest::newRow("today") << QDate(2026, 3, 10) << QString();
    QTest::newRow("1 January 1900") << QDate(1900, 1, 1) << QString();
    QTest::newRow("29 February leap year") << QDate(2024, 2, 29) << QString();
    QTest::newRow("tomorrow") << QDate(2026, 3, 11) << u"dans le futur"_s;
    QTest::newRow("31 December 1899") << QDate(1899, 12, 31) << u"1er janvier 1900"_s;
    QTest::newRow("invalid") << QDate() << u"pas une date valide"_s;
}

void TestValidators::birthDate()
{
    QFETCH(QDate, date);
    QFETCH(QString, error);
    const Result<QDate> r = Validators::birthDate(date, QDate(2026, 3, 10));
    if (error.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r.value(), date);
    } else {
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message().contains(error), qPrintable(r.error().message()));
    }
}

void TestValidators::birthDateFromText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("expected");
    QTest::addColumn<QString>("error");
    const QDate d(1985, 7, 14);
    QTest::newRow("slashes") << u"14/07/1985"_s << d << QString();
    QTest::newRow("short day and month") << u"1/2/1985"_s << QDate(1985, 2, 1) << QString();
    QTest::newRow("dots") << u"14.07.1985"_s << d << QString();
    QTest::newRow("dashes") << u"14-07-1985"_s << d << QString();
    QTest::newRow("compact") << u"14071985"_s << d << QString();
    QTest::newRow("ISO") << u"1985-07-14"_s << d << QString();
    QTest::newRow("padded") << u"  14/07/1985 "_s << d << QString();
    QTest::newRow("31 February") << u"31/02/1985"_s << QDate() << u"pas une date valide"_s;
    QTest::newRow("two-digit year") << u"14/07/85"_s << QDate() << u"pas une date valide"_s;
    QTest::newRow("words") << u"hier"_s << QDate() << u"pas une date valide"_s;
    QTest::newRow("future") << u"01/01/2030"_s << QDate() << u"dans le futur"_s;
    QTest::newRow("empty") << u" "_s << QDate() << u"est vide"_s;
}

void TestValidators::birthDateFromText()
{
    QFETCH(QString, text);
    QFETCH(QDate, expected);
    QFETCH(QString, error);
    const Result<QDate> r = Validators::birthDate(QStringView(text), QDate(2026, 3, 10));
    if (error.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r.value(), expected);
    } else {
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message().contains(error), qPrintable(r.error().message()));
    }
}

void TestValidators::validationErrorsCollectsEveryField()
{
    ValidationErrors errors;
    const auto phone = errors.check(u"phone"_s, PhoneNumber::normalize(u"01 41 23"));
    const auto email = errors.check(u"email"_s, Validators::email(u"Jean@Example.FR"));
    const auto postcode = errors.check(u"postcode"_s, Validators::postcode(u"9213"));
    QVERIFY(!phone);
    QCOMPARE(*email, u"Jean@example.fr"_s);
    QVERIFY(!postcode);
    QCOMPARE(errors.fields().size(), 2);
    const Error error = errors.toError();
    QCOMPARE(error.code(), ErrorCode::Validation);
    QVERIFY(error.fieldMessage(u"phone"_s).contains(u"10 chiffres"_s));
    QVERIFY(error.fieldMessage(u"postcode"_s).contains(u"5 chiffres"_s));
    QVERIFY(error.fieldMessage(u"email"_s).isEmpty());
}

QTEST_APPLESS_MAIN(TestValidators)
#include "TestValidators.moc"
