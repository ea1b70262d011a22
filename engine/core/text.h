#pragma once
// Small ASCII text helpers shared by the readers (header fields, lead labels, CSV cells).

#include <string>
#include <string_view>

namespace ecglens {

/// `s` without leading and trailing white space (space, tab, CR, LF, VT, FF).
std::string trimmed(std::string_view s);
/// ASCII lower case (other bytes unchanged).
std::string lowercased(std::string s);
/// ASCII upper case (other bytes unchanged).
std::string uppercased(std::string s);

} // namespace ecglens
