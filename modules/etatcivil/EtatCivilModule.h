#pragma once

#include "core/modules/IModule.h"

#include <QObject>

#include <memory>

namespace iris::etatcivil {

class EtatCivilController;
class ParameterStore;

/// The État civil module: acte requests (entitlement, orientation, workflow, PDFs) and the
/// counter procedures. initialize() declares its permissions, schema, dossier types and
/// merge rules; extensionsInitialized() adds its pages, actions, the 360° panel and the
/// opener of its dossiers.
class EtatCivilModule final : public QObject, public IModule
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID IrisModule_iid FILE "module.json")
    Q_INTERFACES(iris::IModule)

public:
    EtatCivilModule();
    ~EtatCivilModule() override;

    bool initialize(ModuleContext& context, QString* errorMessage) override;
    void extensionsInitialized(ModuleContext& context) override;
    void aboutToShutdown() override;

private:
    std::shared_ptr<ParameterStore> m_parameters;
    std::unique_ptr<EtatCivilController> m_controller;
};

} // namespace iris::etatcivil
