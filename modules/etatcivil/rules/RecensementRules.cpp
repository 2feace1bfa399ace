#include "modules/etatcivil/rules/RecensementRules.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {
QString fr(const QDate& d)
{
    return d.toString(u"dd/MM/yyyy"_s);
}
} // namespace

QDate RecensementRules::windowOpens(const QDate& birth)
{
    return birth.addYears(16);
}

QDate RecensementRules::windowCloses(const QDate& birth, const EtatCivilSettings& settings)
{
    const QDate opens = windowOpens(birth);
    const QDate month = QDate(opens.year(), opens.month(), 1).addMonths(settings.recensementWindowMonths);
    return QDate(month.year(), month.month(), month.daysInMonth());
}

RecensementWindow RecensementRules::assess(const QDate& birth, const QDate& today, const EtatCivilSettings& settings)
{
    RecensementWindow w;
    if (!birth.isValid()) {
        w.message = tr("La date de naissance est obligatoire.");
        return w;
    }
    w.opens = windowOpens(birth);
    w.closes = windowCloses(birth, settings);
    const QDate limit = birth.addYears(settings.recensementRegularisationAge);
    if (today < w.opens) {
        w.status = RecensementWindow::Status::TooEarly;
        w.message = tr("Recensement impossible avant le 16e anniversaire : à partir du %1.").arg(fr(w.opens));
    } else if (today <= w.closes) {
        w.status = RecensementWindow::Status::InWindow;
        w.message = tr("Dans les délais : du %1 (16 ans) au %2 (fin du %3e mois suivant).")
                        .arg(fr(w.opens), fr(w.closes))
                        .arg(settings.recensementWindowMonths);
    } else if (today < limit) {
        w.status = RecensementWindow::Status::Late;
        w.message = tr("Hors délai (fenêtre close le %1) : recensement de régularisation, possible jusqu'au %2 (%3 ans).")
                        .arg(fr(w.closes), fr(limit.addDays(-1)))
                        .arg(settings.recensementRegularisationAge);
    } else {
        w.status = RecensementWindow::Status::TooLate;
        w.message = tr("La personne a %1 ans ou plus : elle n'est plus soumise au recensement.")
                        .arg(settings.recensementRegularisationAge);
    }
    return w;
}

QString RecensementRules::duplicateRefusal(const QString& attestationNumber, const QDate& issuedOn)
{
    return tr("Une attestation de recensement (n° %1) a déjà été remise le %2. La mairie ne délivre pas de "
              "duplicata : en cas de perte, le jeune s'adresse à son centre du service national.")
        .arg(attestationNumber, fr(issuedOn));
}

} // namespace iris::etatcivil
