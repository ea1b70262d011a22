#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace ecglens {

/// How the leads are arranged on the paper.
enum class LeadLayout { Rows12x1, Grid6x2, Grid3x4, Stack };

/// "12x1", "6x2", "3x4", "stack" (settings and command line spelling).
QString layoutKey(LeadLayout layout);
/// Inverse of layoutKey; `ok` is false (and 12x1 returned) for an unknown key.
LeadLayout layoutFromKey(const QString& key, bool* ok = nullptr);

/// One trace on the paper: which lead, which row (top = 0) and which column of the visible time
/// window it occupies. The rhythm strip is a panel spanning every column.
struct Panel
{
    int lead = -1;
    int row = 0;
    int column = 0;     ///< first column covered
    int columnSpan = 1; ///< columns covered (all of them for a rhythm strip)
    bool rhythm = false;
};

struct PaperLayout
{
    int rows = 0;
    int columns = 1;
    std::vector<Panel> panels;
};

/// Arranges `leadNames` (file order). 12-lead records are put in the conventional order
/// (I II III aVR aVL aVF V1-V6) whatever the file order; other records keep file order.
/// `rhythmLead` is the lead index of the 3x4 rhythm strip (-1: lead II if present, else the
/// first); `stackSubset` lists the leads shown in Stack layout (empty = all).
PaperLayout arrangeLeads(LeadLayout layout, const QStringList& leadNames, int rhythmLead = -1,
                         const std::vector<int>& stackSubset = {});

/// Lead indices in display order: when the six limb leads exist, they and the chest leads from
/// V1 on that follow in order (all 12: the conventional order) come first, in conventional
/// order, and the rest in file order; otherwise file order.
std::vector<int> displayOrder(const QStringList& leadNames);

} // namespace ecglens
