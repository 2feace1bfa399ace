#include "modules/accueil/post/ui/PostPrinting.h"

#include "ui/print/CityLetterHead.h"
#include "ui/print/PdfRenderer.h"

namespace iris::accueil {

PostLetterPrinting defaultPostPrinting()
{
    const ui::CityLetterHead head;
    PostLetterPrinting p;
    p.commune = head.commune;
    p.townHall = head.townHall();
    p.address = head.address;
    p.postalAddress = head.postalAddress;
    p.phone = head.phone;
    p.render = &ui::PdfRenderer::render;
    return p;
}

} // namespace iris::accueil
