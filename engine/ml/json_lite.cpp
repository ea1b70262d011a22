#include "ml/json_lite.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace ecglens::ml {

const Json& Json::operator[](const std::string& key) const
{
    static const Json null;
    if (m_type != Type::Object)
        return null;
    for (const auto& [k, v] : m_obj)
        if (k == key)
            return v;
    return null;
}

bool Json::contains(const std::string& key) const
{
    for (const auto& kv : m_obj)
        if (kv.first == key)
            return true;
    return false;
}

Json& Json::set(const std::string& key, Json value)
{
    m_type = Type::Object;
    for (auto& kv : m_obj)
        if (kv.first == key) {
            kv.second = std::move(value);
            return *this;
        }
    m_obj.emplace_back(key, std::move(value));
    return *this;
}

Json& Json::push(Json value)
{
    m_type = Type::Array;
    m_arr.push_back(std::move(value));
    return *this;
}

namespace {

void escapeTo(std::string& out, const std::string& s)
{
    out.push_back('"');
    for (unsigned char c : s) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out.push_back(char(c));
            }
        }
    }
    out.push_back('"');
}

void dumpTo(std::string& out, const Json& j, int indent)
{
    const std::string pad(std::size_t(indent + 2), ' ');
    const std::string padEnd(std::size_t(indent), ' ');
    switch (j.type()) {
    case Json::Type::Null:
        out += "null";
        break;
    case Json::Type::Bool:
        out += j.boolean() ? "true" : "false";
        break;
    case Json::Type::Number: {
        const double v = j.number();
        if (!std::isfinite(v)) {
            out += "null";
            break;
        }
        char buf[32];
        if (v == std::floor(v) && std::fabs(v) < 1e15)
            std::snprintf(buf, sizeof buf, "%.0f", v);
        else
            std::snprintf(buf, sizeof buf, "%.9g", v);
        out += buf;
        break;
    }
    case Json::Type::String:
        escapeTo(out, j.string());
        break;
    case Json::Type::Array: {
        if (j.items().empty()) {
            out += "[]";
            break;
        }
        bool scalars = true;
        for (const Json& v : j.items())
            scalars = scalars && !v.isArray() && !v.isObject();
        out += scalars ? "[" : "[\n";
        for (std::size_t i = 0; i < j.items().size(); ++i) {
            if (!scalars)
                out += pad;
            dumpTo(out, j.items()[i], indent + 2);
            if (i + 1 < j.items().size())
                out += scalars ? ", " : ",\n";
        }
        out += scalars ? "]" : "\n" + padEnd + "]";
        break;
    }
    case Json::Type::Object: {
        if (j.members().empty()) {
            out += "{}";
            break;
        }
        out += "{\n";
        for (std::size_t i = 0; i < j.members().size(); ++i) {
            out += pad;
            escapeTo(out, j.members()[i].first);
            out += ": ";
            dumpTo(out, j.members()[i].second, indent + 2);
            out += i + 1 < j.members().size() ? ",\n" : "\n";
        }
        out += padEnd + "}";
        break;
    }
    }
}

struct Parser
{
    const std::string& s;
    std::size_t i = 0;
    std::string error;
    int depth = 0;

    void ws()
    {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
            ++i;
    }
    bool fail(const std::string& what)
    {
        if (error.empty())
            error = what + " at byte " + std::to_string(i);
        return false;
    }
    bool parseString(std::string& out)
    {
        if (i >= s.size() || s[i] != '"')
            return fail("expected a string");
        ++i;
        while (i < s.size() && s[i] != '"') {
            char c = s[i++];
            if (c == '\\') {
                if (i >= s.size())
                    return fail("unterminated escape");
                const char e = s[i++];
                switch (e) {
                case 'n':
                    out.push_back('\n');
                    break;
                case 't':
                    out.push_back('\t');
                    break;
                case 'r':
                    out.push_back('\r');
                    break;
                case 'b':
                    out.push_back('\b');
                    break;
                case 'f':
                    out.push_back('\f');
                    break;
                case 'u': {
                    if (i + 4 > s.size())
                        return fail("bad \\u escape");
                    const unsigned cp = unsigned(std::strtoul(s.substr(i, 4).c_str(), nullptr, 16));
                    i += 4;
                    if (cp < 0x80) {
                        out.push_back(char(cp));
                    } else if (cp < 0x800) {
                        out.push_back(char(0xc0 | (cp >> 6)));
                        out.push_back(char(0x80 | (cp & 0x3f)));
                    } else {
                        out.push_back(char(0xe0 | (cp >> 12)));
                        out.push_back(char(0x80 | ((cp >> 6) & 0x3f)));
                        out.push_back(char(0x80 | (cp & 0x3f)));
                    }
                    break;
                }
                default:
                    out.push_back(e);
                }
            } else {
                out.push_back(c);
            }
        }
        if (i >= s.size())
            return fail("unterminated string");
        ++i;
        return true;
    }
    bool parseValue(Json& out)
    {
        if (++depth > 64)
            return fail("nesting too deep");
        ws();
        if (i >= s.size())
            return fail("unexpected end");
        const char c = s[i];
        bool ok = true;
        if (c == '{') {
            ++i;
            out = Json::object();
            ws();
            if (i < s.size() && s[i] == '}') {
                ++i;
            } else {
                while (ok) {
                    ws();
                    std::string key;
                    Json v;
                    ok = parseString(key);
                    ws();
                    if (ok && (i >= s.size() || s[i++] != ':'))
                        ok = fail("expected ':'");
                    ok = ok && parseValue(v);
                    if (!ok)
                        break;
                    out.set(key, std::move(v));
                    ws();
                    if (i < s.size() && s[i] == ',') {
                        ++i;
                        continue;
                    }
                    if (i < s.size() && s[i] == '}') {
                        ++i;
                        break;
                    }
                    ok = fail("expected ',' or '}'");
                }
            }
        } else if (c == '[') {
            ++i;
            out = Json::array();
            ws();
            if (i < s.size() && s[i] == ']') {
                ++i;
            } else {
                while (ok) {
                    Json v;
                    ok = parseValue(v);
                    if (!ok)
                        break;
                    out.push(std::move(v));
                    ws();
                    if (i < s.size() && s[i] == ',') {
                        ++i;
                        continue;
                    }
                    if (i < s.size() && s[i] == ']') {
                        ++i;
                        break;
                    }
                    ok = fail("expected ',' or ']'");
                }
            }
        } else if (c == '"') {
            std::string str;
            ok = parseString(str);
            out = Json(std::move(str));
        } else if (s.compare(i, 4, "true") == 0) {
            i += 4;
            out = Json(true);
        } else if (s.compare(i, 5, "false") == 0) {
            i += 5;
            out = Json(false);
        } else if (s.compare(i, 4, "null") == 0) {
            i += 4;
            out = Json();
        } else {
            const char* begin = s.c_str() + i;
            char* end = nullptr;
            const double v = std::strtod(begin, &end);
            if (end == begin)
                ok = fail("unexpected character");
            else
                i += std::size_t(end - begin);
            out = Json(v);
        }
        --depth;
        return ok;
    }
};

} // namespace

std::string Json::dump(int indent) const
{
    std::string out;
    dumpTo(out, *this, indent);
    return out;
}

Result<Json> Json::parse(const std::string& text)
{
    Parser p{text, 0, {}, 0};
    Json out;
    if (!p.parseValue(out))
        return Result<Json>::failure("JSON: " + p.error);
    p.ws();
    if (p.i != text.size())
        return Result<Json>::failure("JSON: trailing characters at byte " + std::to_string(p.i));
    return out;
}

Result<std::string> readTextFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Result<std::string>::failure(path + ": cannot be opened");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool writeTextFile(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return false;
    out << text;
    return bool(out);
}

} // namespace ecglens::ml
