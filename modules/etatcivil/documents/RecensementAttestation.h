#pragma once

#include "modules/etatcivil/data/Procedure.h"
#include "modules/etatcivil/documents/LetterHead.h"

#include <QCoreApplication>
#include <QString>

namespace iris::etatcivil {

/// The attestation de recensement handed to the young person (HTML for PdfRenderer):
/// number, identity, date of birth, date of recensement, the commune, and the warning that
/// no duplicate is issued.
class RecensementAttestation final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::RecensementAttestation)

public:
    RecensementAttestation() = delete;

    static QString html(const Procedure& recensement, const LetterHead& head, const QString& agentName,
                        const QString& address);
};

} // namespace iris::etatcivil
