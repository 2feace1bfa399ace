#pragma once

#include "core/domain/Dossier.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace iris::etatcivil {

/// The counter procedures, each a dossier type of its own.
enum class ProcedureKind {
    Naissance,      ///< déclaration de naissance
    Pacs,           ///< enregistrement d'un PACS
    Mariage,        ///< dossier de mariage
    Recensement,    ///< recensement citoyen
    Legalisation,   ///< légalisation de signature
    Livret,         ///< duplicata du livret de famille
    Accueil,        ///< attestation d'accueil
    Prenom,         ///< changement de prénom
};

QString procedureTypeId(ProcedureKind kind);   ///< "etatcivil.naissance"
QString procedureLabel(ProcedureKind kind);    ///< "Déclaration de naissance"
bool procedureFromTypeId(const QString& typeId, ProcedureKind* kind);
QList<ProcedureKind> allProcedureKinds();

/// Keys of Procedure::details, per kind.
namespace detail {
inline const QString Declarant = QStringLiteral("declarant");            // naissance
inline const QString BirthPlace = QStringLiteral("birthPlace");          // naissance
inline const QString Partner2Nom = QStringLiteral("partner2Nom");        // pacs, mariage
inline const QString Partner2Prenoms = QStringLiteral("partner2Prenoms");
inline const QString BirthAct1Issued = QStringLiteral("birthAct1Issued"); // ISO dates
inline const QString BirthAct1Abroad = QStringLiteral("birthAct1Abroad");
inline const QString BirthAct2Issued = QStringLiteral("birthAct2Issued");
inline const QString BirthAct2Abroad = QStringLiteral("birthAct2Abroad");
inline const QString Witnesses = QStringLiteral("witnesses");            // mariage: array of names
inline const QString FiledOn = QStringLiteral("filedOn");
inline const QString PublishedOn = QStringLiteral("publishedOn");
inline const QString CelebrationDate = QStringLiteral("celebrationDate");
inline const QString DomicileInCommune = QStringLiteral("domicileInCommune"); // recensement, livret
inline const QString AttestationNumber = QStringLiteral("attestationNumber");
inline const QString SignerPresent = QStringLiteral("signerPresent");    // légalisation
inline const QString IdentityChecked = QStringLiteral("identityChecked");
inline const QString DocumentTitle = QStringLiteral("documentTitle");
inline const QString Reason = QStringLiteral("reason");                  // livret
inline const QString StampNumber = QStringLiteral("stampNumber");        // accueil
inline const QString StampEuros = QStringLiteral("stampEuros");
inline const QString GuestName = QStringLiteral("guestName");
inline const QString NewPrenoms = QStringLiteral("newPrenoms");          // prénom
inline const QString FiledInPerson = QStringLiteral("filedInPerson");
inline const QString ChildConsent = QStringLiteral("childConsent");
} // namespace detail

/// A counter procedure: its dossier (reference, status, checklist, timeline) and details.
/// The person is the child (naissance), the first partner (PACS, mariage), the young
/// person (recensement), the signer, the applicant or the host.
struct Procedure
{
    Dossier dossier;
    bool hasDetails = true;
    ProcedureKind kind = ProcedureKind::Naissance;
    QString personNom;
    QString personPrenoms;
    QDate personBirthDate;
    QDate eventDate;             ///< naissance: birth date; PACS/mariage: appointment day
    qint64 appointmentId = 0;
    QJsonObject details;
    QString flag;                ///< "procureur", "tardif", "regularisation"… (empty = none)

    QString personName() const;
    QDate dateDetail(const QString& key) const;
    bool boolDetail(const QString& key) const { return details.value(key).toBool(); }
    QString textDetail(const QString& key) const { return details.value(key).toString(); }
};

} // namespace iris::etatcivil
