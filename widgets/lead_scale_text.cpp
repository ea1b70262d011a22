#include "lead_scale_text.h"

#include <QCoreApplication>
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

QString computedLeadName(const QString& name)
{
    return QCoreApplication::translate("Leads", "%1 (computed)").arg(name);
}

QString leadLabel(const Lead& lead)
{
    const QString name = QString::fromStdString(lead.name.empty() ? lead.originalName : lead.name);
    return lead.computed ? computedLeadName(name) : name;
}

} // namespace ecglens
