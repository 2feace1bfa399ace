#include "core/services/DossierTypeRegistry.h"

#include <QRegularExpression>

namespace iris {

Result<void> DossierTypeRegistry::registerType(DossierType type)
{
    type.id = type.id.trimmed();
    type.label = type.label.trimmed();
    type.referencePrefix = type.referencePrefix.trimmed();
    QList<FieldError> fields;
    if (type.id.isEmpty())
        fields.append({ QStringLiteral("id"), tr("Le type de dossier n'a pas d'identifiant.") });
    if (type.label.isEmpty())
        fields.append({ QStringLiteral("label"), tr("Le type de dossier n'a pas de libellé.") });
    static const QRegularExpression prefixPattern(QStringLiteral("^[A-Z]{2,6}$"));
    if (!prefixPattern.match(type.referencePrefix).hasMatch())
        fields.append({ QStringLiteral("referencePrefix"),
            tr("Le préfixe de référence doit compter de 2 à 6 lettres majuscules (ex. « EC »).") });
    for (const ChecklistTemplateItem& item : type.checklist) {
        if (item.label.trimmed().isEmpty()) {
            fields.append({ QStringLiteral("checklist"),
                tr("Une pièce de la liste des documents n'a pas de libellé.") });
            break;
        }
    }
    if (const Result<void> wf = type.workflow.validate(); !wf)
        fields.append({ QStringLiteral("workflow"), wf.error().message() });
    if (!fields.isEmpty())
        return Error(ErrorCode::InvalidArgument,
            tr("Le type de dossier « %1 » ne peut pas être enregistré.").arg(type.id), fields);

    if (this->type(type.id))
        return Error(ErrorCode::Duplicate, tr("Le type de dossier « %1 » est déjà enregistré.").arg(type.id));
    if (const DossierType* other = typeByPrefix(type.referencePrefix))
        return Error(ErrorCode::Duplicate,
            tr("Le préfixe « %1 » est déjà utilisé par le type « %2 ».")
                .arg(type.referencePrefix, other->id));
    m_types.append(std::move(type));
    return {};
}

const DossierType* DossierTypeRegistry::type(const QString& id) const
{
    for (const DossierType& t : m_types) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

const DossierType* DossierTypeRegistry::typeByPrefix(const QString& prefix) const
{
    for (const DossierType& t : m_types) {
        if (t.referencePrefix == prefix)
            return &t;
    }
    return nullptr;
}

QStringList DossierTypeRegistry::typeIds() const
{
    QStringList ids;
    for (const DossierType& t : m_types)
        ids << t.id;
    return ids;
}

} // namespace iris
