#pragma once

#include "modules/etatcivil/rules/ActVocabulary.h"
#include "modules/etatcivil/rules/Entitlement.h"

#include <QCoreApplication>

namespace iris::etatcivil {

/// Who may obtain which civil-status document (décret n° 2017-890 du 6 mai 2017, art. 30,
/// as summarised in DOMAIN.md):
/// - a copie intégrale, an extrait avec filiation or an extrait plurilingue of a birth or
///   marriage act: the person (adult or emancipated), ascendants, descendants, spouse, PACS
///   partner, legal representative, holder of a written mandate or of an habilitation
///   familiale, an avocat for a client, authorities named by law (procureur, notaire…);
/// - for a reconnaissance act, the same people and also the child's heirs;
/// - an extrait sans filiation of a birth or marriage act: anyone;
/// - death acts: anyone.
/// The extrait plurilingue (CIEC convention 16) only exists for birth (form A), marriage
/// (B) and death (C) acts; a reconnaissance act establishes a filiation, so it has no
/// extrait sans filiation. Pure functions, no database.
class EntitlementRules final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::EntitlementRules)

public:
    EntitlementRules() = delete;

    /// The verdict for this act, document and requester link, with its French reason.
    static Entitlement decide(ActType act, ActDocument document, RequesterLink link);

    /// True when the document shows the filiation (copie intégrale, extrait avec filiation)
    /// of a birth, marriage or reconnaissance act: the request must then give the person's
    /// names, date and place of birth and the parents' names.
    static bool requiresFiliationDetails(ActType act, ActDocument document);

    /// "décret n° 2017-890 du 6 mai 2017, art. 30"
    static QString ruleReference();
};

} // namespace iris::etatcivil
