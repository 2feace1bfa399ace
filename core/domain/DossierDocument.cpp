#include "core/domain/DossierDocument.h"

#include <QCoreApplication>

namespace iris {

QString documentStateId(DocumentState state)
{
    switch (state) {
    case DocumentState::Expected:
        return QStringLiteral("attendu");
    case DocumentState::Received:
        return QStringLiteral("recu");
    case DocumentState::Verified:
        return QStringLiteral("verifie");
    }
    return {};
}

QString documentStateLabel(DocumentState state)
{
    switch (state) {
    case DocumentState::Expected:
        return QCoreApplication::translate("iris::DossierDocument", "Attendu");
    case DocumentState::Received:
        return QCoreApplication::translate("iris::DossierDocument", "Reçu");
    case DocumentState::Verified:
        return QCoreApplication::translate("iris::DossierDocument", "Vérifié");
    }
    return {};
}

bool documentStateFromId(const QString& id, DocumentState* state)
{
    for (DocumentState s : { DocumentState::Expected, DocumentState::Received, DocumentState::Verified }) {
        if (documentStateId(s) == id) {
            if (state)
                *state = s;
            return true;
        }
    }
    return false;
}

} // namespace iris
