#pragma once

#include <QString>

namespace iris::etatcivil {

/// The decision on who may obtain a document, with the reason the agent reads and the
/// refusal letter quotes.
struct Entitlement
{
    enum class Verdict {
        Allowed,        ///< the document may be delivered to this requester
        Refused,        ///< the request can only end as a refusal, with this reason
        NotApplicable,  ///< no such document exists for this act: the request cannot be recorded
    };

    Verdict verdict = Verdict::Refused;
    QString reason;      ///< French sentence: why
    QString rule;        ///< the text applied ("décret n° 2017-890 du 6 mai 2017, art. 30")
    QString conditions;  ///< French: what the requester must show (mandate, professional card…); may be empty

    bool allowed() const { return verdict == Verdict::Allowed; }
    bool refused() const { return verdict == Verdict::Refused; }
};

} // namespace iris::etatcivil
