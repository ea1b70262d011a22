#pragma once
// Small text helpers shared by the readers (header fields, lead labels, CSV cells, names).

#include <string>
#include <string_view>
#include <vector>

namespace ecglens {

/// `s` without leading and trailing white space (space, tab, CR, LF, VT, FF).
std::string trimmed(std::string_view s);
/// ASCII lower case (other bytes unchanged).
std::string lowercased(std::string s);
/// ASCII upper case (other bytes unchanged).
std::string uppercased(std::string s);
/// The parts with `separator` between them: {"II", "III", "aVF"} -> "II, III, aVF".
std::string joined(const std::vector<std::string>& parts, std::string_view separator = ", ");

/// Text a file gives about a person (name, ID) as ECG Lens shows it: UTF-8 as is; bytes that
/// are not UTF-8 read as ISO 8859-1 (what DICOM's ISO_IR 100 and older SCP-ECG and EDF writers
/// in Western Europe store: "M\xFCller" becomes "M\u00fcller"); control characters and runs of
/// white space become one space, none at either end; cut to at most `maxBytes` bytes at a
/// character boundary (a damaged field must not fill a page).
std::string displayText(std::string_view raw, std::size_t maxBytes = 256);

/// A structured person name as one line: "Family, Prefix Given Middle, Suffix" (DICOM PS3.5
/// 6.2.1's "Adams^John Robert Quincy^^Rev.^B.A. M.Div." is "Adams, Rev. John Robert Quincy,
/// B.A. M.Div."); parts that are empty are left out with their separators.
std::string personName(std::string_view family, std::string_view given,
                       std::string_view middle = {}, std::string_view prefix = {},
                       std::string_view suffix = {});

} // namespace ecglens
