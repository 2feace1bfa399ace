#include "core/services/CitizenService.h"

#include "core/base/PhoneNumber.h"
#include "core/base/TextFold.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/services/CitizenMergeRegistry.h"
#include "core/services/CitizenValidator.h"
#include "core/storage/CitizenRepository.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::CitizenService", text);
}

constexpr int kMaxLimit = 500;

/// Names of the fields that differ (for the audit trail: which fields, never their values).
QJsonArray changedFields(const Citizen& a, const Citizen& b)
{
    QJsonArray fields;
    auto cmp = [&](const char* name, const auto& x, const auto& y) {
        if (x != y)
            fields.append(QString::fromLatin1(name));
    };
    cmp("civilite", a.civilite, b.civilite);
    cmp("nomUsage", a.nomUsage, b.nomUsage);
    cmp("nomNaissance", a.nomNaissance, b.nomNaissance);
    cmp("prenoms", a.prenoms, b.prenoms);
    cmp("birthDate", a.birthDate, b.birthDate);
    cmp("birthPlace", a.birthPlace, b.birthPlace);
    cmp("address.line1", a.address.line1, b.address.line1);
    cmp("address.line2", a.address.line2, b.address.line2);
    cmp("address.postcode", a.address.postcode, b.address.postcode);
    cmp("address.city", a.address.city, b.address.city);
    cmp("phone", a.phone, b.phone);
    cmp("phone2", a.phone2, b.phone2);
    cmp("email", a.email, b.email);
    cmp("preferredChannel", a.preferredChannel, b.preferredChannel);
    cmp("consentContact", a.consentContact, b.consentContact);
    cmp("notes", a.notes, b.notes);
    cmp("nir", a.nir, b.nir);
    return fields;
}

Result<bool> tableExists(QSqlDatabase& db, const Dialect& dialect, const QString& table)
{
    QSqlQuery q(db);
    q.prepare(dialect.tableExistsQuery());
    q.bindValue(u":name"_s, table);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("fusion des fiches"));
    return q.next();
}

bool isIdentifier(const QString& s)
{
    static const QRegularExpression re(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    return re.match(s).hasMatch();
}

} // namespace

CitizenService::CitizenService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit)
    : m_db(std::move(db))
    , m_session(session)
    , m_audit(audit)
{
}

Result<Citizen> CitizenService::get(qint64 id) const
{
    if (Result<void> allowed = m_session.require(perm::CitizenRead); !allowed)
        return allowed.error();
    const CitizenRepository repo(m_db->dialect());
    Citizen citizen;
    // Read and audit line together: a record is never shown without its trace.
    Result<void> tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        Result<Citizen> found = repo.find(c, id);
        if (!found)
            return found.error();
        citizen = std::move(found).value();
        return m_audit.record(c, auditaction::Read, u"citizen"_s, id);
    });
    if (!tx)
        return tx.error();
    return citizen;
}

Result<Citizen> CitizenService::create(const Citizen& input)
{
    if (Result<void> allowed = m_session.require(perm::CitizenWrite); !allowed)
        return allowed.error();
    Result<Citizen> valid = CitizenValidator::normalised(input);
    if (!valid)
        return valid.error();
    Citizen citizen = std::move(valid).value();
    citizen.id = 0;
    citizen.version = 0;
    citizen.householdId = 0;
    citizen.createdAt = citizen.updatedAt = QDateTime();
    const CitizenRepository repo(m_db->dialect());
    Result<void> tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        if (Result<void> r = repo.insert(c, citizen); !r)
            return r;
        return m_audit.record(c, auditaction::Create, u"citizen"_s, citizen.id,
                              {{u"fields"_s, changedFields(Citizen{}, citizen)}});
    });
    if (!tx) {
        citizen.id = 0;
        return tx.error();
    }
    return citizen;
}

Result<Citizen> CitizenService::update(const Citizen& input)
{
    if (Result<void> allowed = m_session.require(perm::CitizenWrite); !allowed)
        return allowed.error();
    if (input.id <= 0)
        return Error(ErrorCode::InvalidArgument, tr("Cette fiche n'a pas encore été enregistrée."));
    Result<Citizen> valid = CitizenValidator::normalised(input);
    if (!valid)
        return valid.error();
    Citizen citizen = std::move(valid).value();
    const CitizenRepository repo(m_db->dialect());
    Result<void> tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        Result<Citizen> before = repo.find(c, citizen.id);
        if (!before)
            return before.error();
        if (Result<void> r = repo.update(c, citizen); !r)
            return r;
        citizen.householdId = before->householdId;
        citizen.createdAt = before->createdAt;
        return m_audit.record(c, auditaction::Update, u"citizen"_s, citizen.id,
                              {{u"fields"_s, changedFields(*before, citizen)}, {u"version"_s, citizen.version}});
    });
    if (!tx)
        return tx.error();
    return citizen;
}

Result<void> CitizenService::remove(qint64 id, int version)
{
    if (Result<void> allowed = m_session.require(perm::CitizenDelete); !allowed)
        return allowed.error();
    const CitizenRepository repo(m_db->dialect());
    return m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        Result<void> removed = repo.remove(c, id, version);
        if (!removed) {
            if (removed.error().detail().contains(u"FOREIGN KEY"_s, Qt::CaseInsensitive))
                return Error(ErrorCode::Conflict,
                             tr("Cet usager a des dossiers : sa fiche ne peut pas être supprimée. Fusionnez-la "
                                "avec l'autre fiche de la même personne si c'est un doublon."),
                             {}, removed.error().detail());
            return removed;
        }
        return m_audit.record(c, auditaction::Delete, u"citizen"_s, id, {{u"version"_s, version}});
    });
}

Result<QList<CitizenSummary>> CitizenService::search(const QString& query, int limit) const
{
    if (Result<void> allowed = m_session.require(perm::CitizenRead); !allowed)
        return allowed.error();
    limit = qBound(1, limit, kMaxLimit);
    const QString text = query.trimmed();
    if (text.isEmpty())
        return QList<CitizenSummary>();

    const CitizenRepository repo(m_db->dialect());
    QSqlDatabase c = m_db->connection();
    if (!c.isOpen())
        return Database::classify(c.lastError(), tr("recherche d'usagers"));

    // Dossier reference: "EC-2026-000123" (or its beginning).
    static const QRegularExpression referenceRe(u"^([A-Za-z]{1,8})-(\\d{4})(?:-(\\d{0,9}))?$"_s);
    if (const QRegularExpressionMatch m = referenceRe.match(text); m.hasMatch())
        return searchByReference(c, m.captured(1).toUpper(), m.captured(2), m.captured(3), limit);

    if (text.contains(QLatin1Char('@')))
        return repo.searchByEmailPrefix(c, text.toLower(), limit);

    const PhoneNumber::Query phone = PhoneNumber::query(text, 4);
    switch (phone.kind) {
    case PhoneNumber::Query::Kind::Exact:
        return repo.searchByPhone(c, phone.e164, limit);
    case PhoneNumber::Query::Kind::Prefix:
        return repo.searchByPhonePrefix(c, phone.e164, limit);
    case PhoneNumber::Query::Kind::Suffix:
        return repo.searchByPhoneSuffix(c, phone.reversed, limit);
    case PhoneNumber::Query::Kind::None:
        break;
    }
    return repo.searchByName(c, TextFold::tokens(text), limit);
}

Result<QList<CitizenSummary>> CitizenService::searchByReference(QSqlDatabase& c, const QString& prefix,
                                                                const QString& year, const QString& sequence,
                                                                int limit) const
{
    const Dialect& dialect = m_db->dialect();
    const CitizenRepository repo(dialect);
    QList<qint64> ids;
    auto collect = [&](const QString& sql, const QVariantList& binds) -> Result<void> {
        QSqlQuery q(c);
        q.setForwardOnly(true);
        q.prepare(sql);
        for (const QVariant& v : binds)
            q.addBindValue(v);
        if (!q.exec())
            return Database::classify(q.lastError(), tr("recherche par référence de dossier"));
        while (q.next() && ids.size() < limit) {
            const qint64 id = q.value(0).toLongLong();
            if (!ids.contains(id))
                ids << id;
        }
        return {};
    };
    const QString base = QString(prefix + QLatin1Char('-') + year + QLatin1Char('-'));
    // "EC-2026-123" means sequence 123: the stored reference is zero-padded.
    if (!sequence.isEmpty() && sequence.size() < 6) {
        const QString exact = QString(base + sequence.rightJustified(6, QLatin1Char('0')));
        if (auto r = collect(u"SELECT citizen_id FROM dossiers WHERE reference = ? AND citizen_id IS NOT NULL"_s,
                             {exact});
            !r)
            return r.error();
    }
    const auto [lo, hi] = Dialect::prefixRangeBounds(sequence.isEmpty() ? QString(prefix + QLatin1Char('-') + year)
                                                                        : QString(base + sequence));
    if (auto r = collect(u"SELECT citizen_id FROM dossiers WHERE %1 AND citizen_id IS NOT NULL ORDER BY reference %2"_s
                             .arg(dialect.prefixRange(u"reference"_s, u"?"_s, u"?"_s), dialect.limit(u"?"_s)),
                         {lo, hi, limit * 4});
        !r)
        return r.error();
    return repo.summaries(c, ids);
}

Result<QList<DuplicateCandidate>> CitizenService::findDuplicates(const Citizen& candidate) const
{
    if (Result<void> allowed = m_session.require(perm::CitizenRead); !allowed)
        return allowed.error();
    const CitizenRepository repo(m_db->dialect());
    QSqlDatabase c = m_db->connection();
    if (!c.isOpen())
        return Database::classify(c.lastError(), tr("recherche de doublons"));

    QList<DuplicateCandidate> out;
    auto add = [&](const CitizenSummary& s, const QString& reason) {
        if (s.id == candidate.id)
            return;
        for (DuplicateCandidate& d : out) {
            if (d.citizen.id == s.id) {
                if (!d.reason.contains(reason))
                    d.reason = QString(d.reason + u", "_s + reason);
                return;
            }
        }
        out.append(DuplicateCandidate{s, reason});
    };

    // Same folded name (either nom) and first prénom, same date of birth.
    if (candidate.birthDate.isValid()) {
        const QStringList noms = {TextFold::fold(candidate.nomUsage), TextFold::fold(candidate.nomNaissance)};
        const QString prenom = TextFold::tokens(candidate.prenoms).value(0);
        Result<QList<CitizenSummary>> born = repo.bornOn(c, candidate.birthDate);
        if (!born)
            return born.error();
        for (const CitizenSummary& s : std::as_const(*born)) {
            const QString nu = TextFold::fold(s.nomUsage);
            const QString nn = TextFold::fold(s.nomNaissance);
            bool sameNom = false;
            for (const QString& n : noms)
                sameNom = sameNom || (!n.isEmpty() && (n == nu || n == nn));
            if (sameNom && !prenom.isEmpty() && TextFold::tokens(s.prenoms).value(0) == prenom)
                add(s, tr("même nom et même date de naissance"));
        }
    }
    for (const QString& raw : {candidate.phone, candidate.phone2}) {
        if (raw.trimmed().isEmpty())
            continue;
        const Result<QString> e164 = PhoneNumber::normalize(raw);
        if (!e164)
            continue;
        Result<QList<CitizenSummary>> same = repo.searchByPhone(c, *e164, 20);
        if (!same)
            return same.error();
        for (const CitizenSummary& s : std::as_const(*same))
            add(s, tr("même téléphone"));
    }
    if (!candidate.email.trimmed().isEmpty()) {
        const QString email = candidate.email.trimmed().toLower();
        Result<QList<CitizenSummary>> same = repo.searchByEmailPrefix(c, email, 20);
        if (!same)
            return same.error();
        for (const CitizenSummary& s : std::as_const(*same)) {
            if (s.email.toLower() == email)
                add(s, tr("même adresse électronique"));
        }
    }
    return out;
}

Result<Citizen> CitizenService::merge(qint64 keptId, qint64 absorbedId)
{
    if (Result<void> allowed = m_session.require(perm::CitizenMerge); !allowed)
        return allowed.error();
    if (keptId == absorbedId)
        return Error(ErrorCode::InvalidArgument, tr("Une fiche ne peut pas être fusionnée avec elle-même."));
    const Dialect& dialect = m_db->dialect();
    const CitizenRepository repo(dialect);
    Citizen kept;
    Result<void> tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        Result<Citizen> keptFound = repo.find(c, keptId);
        if (!keptFound)
            return keptFound.error();
        Result<Citizen> absorbedFound = repo.find(c, absorbedId);
        if (!absorbedFound)
            return absorbedFound.error();
        kept = std::move(keptFound).value();
        const Citizen absorbed = std::move(absorbedFound).value();

        QSqlQuery q(c);
        // Household: the kept record's membership wins; otherwise it takes the absorbed one's.
        if (absorbed.householdId > 0) {
            q.prepare(kept.householdId > 0 ? u"DELETE FROM household_members WHERE citizen_id = ?"_s
                                           : u"UPDATE household_members SET citizen_id = ? WHERE citizen_id = ?"_s);
            if (kept.householdId <= 0)
                q.addBindValue(keptId);
            q.addBindValue(absorbedId);
            if (!q.exec())
                return Database::classify(q.lastError(), tr("fusion des fiches"));
            if (kept.householdId <= 0)
                kept.householdId = absorbed.householdId;
        }

        QJsonObject moved;
        for (const auto& [table, column] : CitizenMergeRegistry::instance().references()) {
            if (!isIdentifier(table) || !isIdentifier(column))
                continue;
            Result<bool> exists = tableExists(c, dialect, table);
            if (!exists)
                return exists.error();
            if (!*exists)
                continue;
            q.prepare(u"UPDATE %1 SET %2 = ? WHERE %2 = ?"_s.arg(table, column));
            q.addBindValue(keptId);
            q.addBindValue(absorbedId);
            if (!q.exec())
                return Database::classify(q.lastError(), tr("fusion des fiches"));
            if (q.numRowsAffected() > 0)
                moved.insert(QString(table + QLatin1Char('.') + column), q.numRowsAffected());
        }
        for (const CitizenMergeRegistry::Hook& hook : CitizenMergeRegistry::instance().hooks()) {
            if (Result<void> r = hook(c, dialect, keptId, absorbedId); !r)
                return r;
        }

        QStringList filledFields;
        kept = mergedRecord(kept, absorbed, &filledFields);
        const QJsonArray filled = QJsonArray::fromStringList(filledFields);
        if (Result<void> r = repo.update(c, kept); !r)
            return r;
        if (Result<void> r = repo.remove(c, absorbed.id, absorbed.version); !r)
            return r;
        if (Result<void> r = m_audit.record(c, auditaction::Merge, u"citizen"_s, keptId,
                                            {{u"absorbed"_s, absorbedId}, {u"moved"_s, moved},
                                             {u"filled"_s, filled}});
            !r)
            return r;
        return m_audit.record(c, auditaction::Delete, u"citizen"_s, absorbedId, {{u"mergedInto"_s, keptId}});
    });
    if (!tx)
        return tx.error();
    return kept;
}

Citizen CitizenService::mergedRecord(const Citizen& keptRecord, const Citizen& absorbed, QStringList* filled)
{
    Citizen kept = keptRecord;
    QStringList taken;
    const auto fill = [&taken](const char* name, QString& into, const QString& from) {
        if (into.isEmpty() && !from.isEmpty()) {
            into = from;
            taken.append(QString::fromLatin1(name));
        }
    };
    fill("civilite", kept.civilite, absorbed.civilite);
    fill("nomUsage", kept.nomUsage, absorbed.nomUsage);
    fill("nomNaissance", kept.nomNaissance, absorbed.nomNaissance);
    fill("prenoms", kept.prenoms, absorbed.prenoms);
    if (!kept.birthDate.isValid() && absorbed.birthDate.isValid()) {
        kept.birthDate = absorbed.birthDate;
        taken.append(u"birthDate"_s);
    }
    fill("birthPlace", kept.birthPlace, absorbed.birthPlace);
    // The address is one block: the street of one record with the town of the other
    // would invent an address.
    if (kept.address.isEmpty() && !absorbed.address.isEmpty()) {
        kept.address = absorbed.address;
        taken.append(u"address"_s);
    }
    fill("phone", kept.phone, absorbed.phone);
    if (kept.phone2.isEmpty() && !absorbed.phone.isEmpty() && absorbed.phone != kept.phone) {
        kept.phone2 = absorbed.phone;
        taken.append(u"phone2"_s);
    }
    fill("phone2", kept.phone2, absorbed.phone2 != kept.phone ? absorbed.phone2 : QString());
    fill("email", kept.email, absorbed.email);
    fill("preferredChannel", kept.preferredChannel, absorbed.preferredChannel);
    fill("notes", kept.notes, absorbed.notes);
    fill("nir", kept.nir, absorbed.nir);
    if (kept.householdId <= 0 && absorbed.householdId > 0) {
        kept.householdId = absorbed.householdId;
        taken.append(u"householdId"_s);
    }
    if (filled)
        *filled = taken;
    return kept;
}

} // namespace iris
