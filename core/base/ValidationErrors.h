#pragma once

#include "core/base/Result.h"

#include <QList>
#include <QString>
#include <optional>
#include <utility>

namespace iris {

/// Collects the refused fields of a form so that a service can validate everything,
/// report every problem at once, and save nothing when anything is wrong:
///
///   ValidationErrors errors;
///   const auto phone = errors.check(u"phone"_s, PhoneNumber::normalize(input.phone));
///   const auto email = errors.check(u"email"_s, Validators::email(input.email));
///   if (!errors.isEmpty())
///       return errors.toError();           // ErrorCode::Validation with the fields
///   citizen.phone = *phone;                  // normalised values
class ValidationErrors final
{
public:
    /// Records the error of `result` under `field`; returns the value when it was valid.
    template<typename T> std::optional<T> check(const QString& field, Result<T> result)
    {
        if (result.ok())
            return std::move(result).value();
        add(field, result.error().message());
        return std::nullopt;
    }

    void add(const QString& field, const QString& message) { m_fields.append(FieldError { field, message }); }
    bool isEmpty() const { return m_fields.isEmpty(); }
    const QList<FieldError>& fields() const { return m_fields; }
    /// ErrorCode::Validation carrying every recorded field.
    Error toError() const { return Error::validation(m_fields); }

private:
    QList<FieldError> m_fields;
};

} // namespace iris
