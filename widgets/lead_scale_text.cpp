#include "lead_scale_text.h"

#include <QLocale>

namespace ecglens {

QString leadScaleSuffix(const view::LeadScale& scale, const std::string& unit)
{
    if (scale.ecg)
        return {};
    const QString step = QLocale().toString(scale.unitsPer10Mm, 'g', 3) + QLatin1Char(' ') +
                         QString::fromStdString(unit);
    return QStringLiteral(" (%1/cm)").arg(step.trimmed());
}

} // namespace ecglens
