#pragma once

// PTB-XL index (ptbxl_database.csv) and record loading for training and evaluation.

#include "core/recording.h"
#include "core/result.h"
#include "ml/preprocess.h"

#include <map>
#include <string>
#include <vector>

namespace ecglens::ml {

struct PtbxlEntry
{
    int ecgId = 0;
    int patientId = 0;    ///< patient_id (0 if the column is absent)
    int fold = 0;         ///< strat_fold 1-10
    double ageYears = -1; ///< -1 unknown; PTB-XL's 300 (>= 90) stored as 90
    Sex sex = Sex::Unknown;
    bool abnormal = false;             ///< not (NORM with likelihood >= 50)
    bool validatedByHuman = false;     ///< validated_by_human is True (fold 10: every record)
    std::string recordPath;            ///< absolute path of the 100 Hz record's .hea file
    std::vector<std::string> scpCodes; ///< the statement codes of scp_codes, any likelihood
};

/// The member of a k-member cross-fitted ensemble that never learns from strat_fold `fold`
/// (1-9): (fold - 1) % k.
inline int heldOutMember(int fold, int k)
{
    return (fold - 1) % k;
}

/// Resolves DIR to the PTB-XL folder: DIR itself when it holds ptbxl_database.csv, else DIR/ptbxl.
std::string ptbxlFolder(const std::string& dataDir);

/// Parses ptbxl_database.csv; the label is NORM >= 50 -> normal, anything else abnormal.
Result<std::vector<PtbxlEntry>> readPtbxlIndex(const std::string& dataDir);

/// Diagnostic superclass (scp_statements.csv `diagnostic_class`: NORM, MI, STTC, CD, HYP) of every
/// diagnostic statement code.
Result<std::map<std::string, std::string>> readScpSuperclasses(const std::string& dataDir);

/// Loads one record (io::open) as a normalised 12 x 1000 window at 100 Hz.
Result<Window> loadPtbxlWindow(const PtbxlEntry& entry);

/// Age group label used in fairness tables: "<40", "40-64", ">=65" or "unknown".
const char* ageGroup(double ageYears);

/// Parses one CSV line with RFC 4180 quoting.
std::vector<std::string> splitCsvLine(const std::string& line);

} // namespace ecglens::ml
