#pragma once

// Text for people that the engine builds (detector warnings, advice bases), kept with a stable
// id and its values so that an interface can word it in its own language. The English wording
// travels with it for the command line, JSON and logs.

#include <cstddef>
#include <string>
#include <vector>

namespace ecglens {

/// The bit of MessageTemplate::ageArgs that says placeholder %`n` (1 … 9) is a person's age in
/// years.
constexpr unsigned ageArg(int n)
{
    return 1u << (n - 1);
}

/// The bit of MessageTemplate::wordArgs that says placeholder %`n` (1 … 9) holds names and
/// numbers separated by spaces (e.g. "V2 0.26 mV, V3 0.21 mV"), whose numbers an interface
/// writes in its own notation.
constexpr unsigned wordsArg(int n)
{
    return 1u << (n - 1);
}

/// An English wording with placeholders %1 … %9, under a stable id.
struct MessageTemplate
{
    const char* id;        ///< e.g. "detector.under_18"
    const char* english;   ///< e.g. "patient is %1 years old: …"
    unsigned ageArgs = 0;  ///< which values are ages (ageArg(n) | …), for anonymised output
    unsigned wordArgs = 0; ///< which values are words and numbers (wordsArg(n) | …)
};

struct Message
{
    std::string id;
    std::vector<std::string> args; ///< the values of %1, %2, … as the English shows them
    std::string text;              ///< the English, placeholders filled
    unsigned ageArgs = 0;          ///< which of `args` are ages in years (bit i: args[i])
    unsigned wordArgs = 0;         ///< which of `args` are words and numbers (bit i: args[i])
};

/// Whether `m.args[i]` is a person's age in years (HIPAA Safe Harbor hides those over 89).
inline bool isAgeArg(const Message& m, std::size_t i)
{
    return i < 32 && ((m.ageArgs >> i) & 1u) != 0;
}

/// Whether `m.args[i]` holds words and numbers rather than one value (wordsArg).
inline bool isWordsArg(const Message& m, std::size_t i)
{
    return i < 32 && ((m.wordArgs >> i) & 1u) != 0;
}

/// `t` with its placeholders filled by `args` (a placeholder without a value stays as it is).
Message makeMessage(const MessageTemplate& t, std::vector<std::string> args = {});

/// %1 … %9 of `pattern` replaced by `args[0]` … `args[8]`, in one pass (a value that itself
/// contains "%2" is not substituted again).
std::string fillPlaceholders(const std::string& pattern, const std::vector<std::string>& args);

/// The messages' English texts joined by `separator`.
std::string joinedText(const std::vector<Message>& messages, const std::string& separator);

} // namespace ecglens
