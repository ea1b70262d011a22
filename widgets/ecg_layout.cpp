#include "ecg_layout.h"

#include <algorithm>

namespace ecglens {

QString layoutKey(LeadLayout layout)
{
    switch (layout) {
    case LeadLayout::Rows12x1:
        return QStringLiteral("12x1");
    case LeadLayout::Grid6x2:
        return QStringLiteral("6x2");
    case LeadLayout::Grid3x4:
        return QStringLiteral("3x4");
    case LeadLayout::Stack:
        return QStringLiteral("stack");
    }
    return QStringLiteral("12x1");
}

LeadLayout layoutFromKey(const QString& key, bool* ok)
{
    const QString k = key.trimmed().toLower();
    if (ok)
        *ok = true;
    if (k == QLatin1String("12x1"))
        return LeadLayout::Rows12x1;
    if (k == QLatin1String("6x2"))
        return LeadLayout::Grid6x2;
    if (k == QLatin1String("3x4"))
        return LeadLayout::Grid3x4;
    if (k == QLatin1String("stack"))
        return LeadLayout::Stack;
    if (ok)
        *ok = false;
    return LeadLayout::Rows12x1;
}

std::vector<int> displayOrder(const QStringList& leadNames)
{
    static const char* const standard[] = {"I",  "II", "III", "aVR", "aVL", "aVF",
                                           "V1", "V2", "V3",  "V4",  "V5",  "V6"};
    std::vector<int> order;
    for (const char* name : standard) {
        const int i = leadNames.indexOf(QLatin1String(name));
        if (i < 0)
            break;
        order.push_back(i);
    }
    if (order.size() >= 6) {
        // The six limb leads (recorded, or some computed for display), and the chest leads
        // that follow them in order, go first; the rest (e.g. Frank X Y Z of PTB after the
        // standard twelve, the pressures of a monitor record) after them in file order.
        for (int i = 0; i < leadNames.size(); ++i)
            if (std::find(order.begin(), order.end(), i) == order.end())
                order.push_back(i);
        return order;
    }
    order.clear();
    for (int i = 0; i < leadNames.size(); ++i)
        order.push_back(i);
    return order;
}

PaperLayout arrangeLeads(LeadLayout layout, const QStringList& leadNames, int rhythmLead,
                         const std::vector<int>& stackSubset)
{
    PaperLayout out;
    const int n = static_cast<int>(leadNames.size());
    if (n == 0)
        return out;
    std::vector<int> order = displayOrder(leadNames);

    int columns = 1;
    switch (layout) {
    case LeadLayout::Rows12x1:
        columns = 1;
        break;
    case LeadLayout::Grid6x2:
        columns = n >= 4 ? 2 : 1;
        break;
    case LeadLayout::Grid3x4:
        columns = n >= 6 ? 4 : (n >= 4 ? 2 : 1);
        break;
    case LeadLayout::Stack:
        if (!stackSubset.empty()) {
            std::vector<int> subset;
            for (int lead : order)
                if (std::find(stackSubset.begin(), stackSubset.end(), lead) != stackSubset.end())
                    subset.push_back(lead);
            if (!subset.empty())
                order = subset;
        }
        columns = 1;
        break;
    }
    // Only the standard twelve are arranged in the grid; extra leads are not shown in grids.
    int shown = static_cast<int>(order.size());
    if (columns > 1 && shown > 12)
        shown = 12;
    const int rows = (shown + columns - 1) / columns;
    out.columns = columns;
    out.rows = rows;
    for (int k = 0; k < shown; ++k) {
        Panel p;
        p.lead = order[k];
        p.column = k / rows;
        p.row = k % rows;
        out.panels.push_back(p);
    }
    if (layout == LeadLayout::Grid3x4 && columns > 1) {
        int rhythm = rhythmLead;
        if (rhythm < 0 || rhythm >= n)
            rhythm = std::max(0, static_cast<int>(leadNames.indexOf(QStringLiteral("II"))));
        Panel p;
        p.lead = rhythm;
        p.row = rows;
        p.column = 0;
        p.columnSpan = columns;
        p.rhythm = true;
        out.panels.push_back(p);
        out.rows = rows + 1;
    }
    return out;
}

} // namespace ecglens
