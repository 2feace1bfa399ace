#pragma once

#include "core/domain/Citizen.h"

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace iris::usagers {

/// "Fiches existantes qui pourraient correspondre": duplicate suggestions shown while a
/// citizen is being created, each with an "Ouvrir cette fiche" button
/// (object name "openDuplicate_<id>"). Hidden when there is nothing to suggest.
class DuplicatePanel final : public QFrame
{
    Q_OBJECT
public:
    explicit DuplicatePanel(QWidget* parent = nullptr);

    void setCandidates(const QList<DuplicateCandidate>& candidates);
    int count() const { return int(m_candidates.size()); }
    const QList<DuplicateCandidate>& candidates() const { return m_candidates; }

Q_SIGNALS:
    void openRequested(qint64 citizenId);

private:
    QList<DuplicateCandidate> m_candidates;
    QLabel* m_title = nullptr;
    QWidget* m_list = nullptr;
    QVBoxLayout* m_listLayout = nullptr;
};

} // namespace iris::usagers
