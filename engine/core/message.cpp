#include "core/message.h"

namespace ecglens {

std::string fillPlaceholders(const std::string& pattern, const std::vector<std::string>& args)
{
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const std::size_t n = std::size_t(pattern[i + 1] - '1');
            if (n < args.size()) {
                out += args[n];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

Message makeMessage(const MessageTemplate& t, std::vector<std::string> args)
{
    Message m;
    m.id = t.id;
    m.text = fillPlaceholders(t.english, args);
    m.args = std::move(args);
    m.ageArgs = t.ageArgs;
    m.wordArgs = t.wordArgs;
    return m;
}

std::string joinedText(const std::vector<Message>& messages, const std::string& separator)
{
    std::string out;
    for (const Message& m : messages) {
        if (!out.empty())
            out += separator;
        out += m.text;
    }
    return out;
}

} // namespace ecglens
