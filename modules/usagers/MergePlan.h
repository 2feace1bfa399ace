#pragma once

#include "core/domain/Citizen.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace iris::usagers {

/// What a merge of two citizen records will give, for the preview shown before the
/// agent confirms, field by field: the result is CitizenService::mergedRecord(), the
/// very rule merge() applies (usagers_merge_gui checks the preview against the merge).
class MergePlan final
{
    Q_DECLARE_TR_FUNCTIONS(iris::usagers::MergePlan)
public:
    struct Row
    {
        QString field;      ///< core field id ("phone")
        QString label;      ///< French label
        QString kept;       ///< display value on the kept record
        QString absorbed;   ///< display value on the absorbed record
        QString result;     ///< display value after the merge
        bool fromAbsorbed = false;  ///< the result takes the absorbed value
        bool conflicting = false;   ///< the absorbed value is found nowhere after the merge
    };

    MergePlan(const Citizen& kept, const Citizen& absorbed);

    const Citizen& kept() const { return m_kept; }
    const Citizen& absorbed() const { return m_absorbed; }
    /// The kept record as it will be after the merge.
    const Citizen& result() const { return m_result; }
    /// One row per field where either record, or the result, has a value.
    const QList<Row>& rows() const { return m_rows; }
    int filledFromAbsorbed() const;
    int conflicts() const;

private:
    void addRow(const QString& field, const QString& label, const QString& kept, const QString& absorbed,
                const QString& result, bool absorbedKept = false);

    Citizen m_kept;
    Citizen m_absorbed;
    Citizen m_result;
    QList<Row> m_rows;
};

} // namespace iris::usagers
