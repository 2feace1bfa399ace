#pragma once

#include <QDialog>

class QLineEdit;

namespace iris::shell {

/// Asked when the PostgreSQL server of a shared site wants a password that libpq did not find
/// in ~/.pgpass or PGPASSFILE ("serverPasswordDialog"). The password stays in memory for this
/// run only: never written to a settings file nor to a log.
class ServerPasswordDialog final : public QDialog
{
    Q_OBJECT
public:
    /// target: the site as the agent knows it (without any password); error: why the previous
    /// attempt was refused (empty the first time).
    ServerPasswordDialog(const QString& target, const QString& user, const QString& error, QWidget* parent = nullptr);

    QString password() const;

private:
    QLineEdit* m_password = nullptr;
};

} // namespace iris::shell
