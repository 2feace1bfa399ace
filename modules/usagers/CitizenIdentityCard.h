#pragma once

#include "core/domain/Citizen.h"

#include <QGroupBox>

class QFormLayout;
class QLabel;

namespace iris::usagers {

/// The identity block of the 360° page (read-only). Object names: identity<Field>.
class CitizenIdentityCard final : public QGroupBox
{
    Q_OBJECT
public:
    explicit CitizenIdentityCard(QWidget* parent = nullptr);
    void setCitizen(const Citizen& citizen);

private:
    QLabel* addRow(const QString& label, const QString& objectName);
    void setRow(QLabel* value, const QString& text);

    QFormLayout* m_form = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_birthName = nullptr;
    QLabel* m_birth = nullptr;
    QLabel* m_address = nullptr;
    QLabel* m_phones = nullptr;
    QLabel* m_email = nullptr;
    QLabel* m_channel = nullptr;
    QLabel* m_consent = nullptr;
    QLabel* m_nir = nullptr;
    QLabel* m_notes = nullptr;
};

} // namespace iris::usagers
