#pragma once

#include "core/domain/MunicipalService.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;

namespace iris::accueil {

/// Picks a service of the directory (type to filter) and shows what the citizen needs to
/// reach it: phone, floor, opening hours, and whether it is open right now (or when it
/// next opens). Object names: <prefix>Service, <prefix>ServiceInfo.
class ServiceChooser final : public QWidget
{
    Q_OBJECT
public:
    explicit ServiceChooser(const QString& objectPrefix, QWidget* parent = nullptr);

    void setServices(const QList<MunicipalService>& services);
    void setClock(std::function<QDateTime()> clock) { m_now = std::move(clock); }
    qint64 currentServiceId() const;
    void setCurrentService(qint64 serviceId);
    QComboBox* combo() const { return m_combo; }
    QString infoText() const;

    /// "01 41 23 86 50 — 1er étage — lun.–ven. 08:30–18:00 — Ouvert en ce moment".
    static QString describe(const MunicipalService& service, const QDateTime& now);

Q_SIGNALS:
    void serviceChanged(qint64 serviceId);

private:
    void showInfo();

    QComboBox* m_combo;
    QLabel* m_info;
    QList<MunicipalService> m_services;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTime(); };
};

} // namespace iris::accueil
