#pragma once

#include "modules/accueil/post/PostLetterWriter.h"

namespace iris::accueil {

/// The printing side of PostLetterWriter for the application: the city letter head
/// (ui::CityLetterHead) and the shared A4 renderer (ui::PdfRenderer).
PostLetterPrinting defaultPostPrinting();

} // namespace iris::accueil
