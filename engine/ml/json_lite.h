#pragma once

// A small JSON value for the model's own files (config, manifest, thresholds, metrics). The engine
// may not use Qt's JSON, and these files are written by this code, so a compact reader suffices.

#include "core/result.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ecglens::ml {

class Json
{
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    Json() = default;
    Json(bool b) : m_type(Type::Bool), m_bool(b) {}
    Json(double d) : m_type(Type::Number), m_num(d) {}
    Json(int i) : m_type(Type::Number), m_num(i) {}
    Json(long long i) : m_type(Type::Number), m_num(double(i)) {}
    Json(const char* s) : m_type(Type::String), m_str(s) {}
    Json(std::string s) : m_type(Type::String), m_str(std::move(s)) {}
    static Json array()
    {
        Json j;
        j.m_type = Type::Array;
        return j;
    }
    static Json object()
    {
        Json j;
        j.m_type = Type::Object;
        return j;
    }

    Type type() const { return m_type; }
    bool isObject() const { return m_type == Type::Object; }
    bool isArray() const { return m_type == Type::Array; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }

    double number(double fallback = 0.0) const { return m_type == Type::Number ? m_num : fallback; }
    bool boolean(bool fallback = false) const { return m_type == Type::Bool ? m_bool : fallback; }
    const std::string& string() const { return m_str; }
    const std::vector<Json>& items() const { return m_arr; }
    const std::vector<std::pair<std::string, Json>>& members() const { return m_obj; }

    /// Member lookup; a Null value when absent or not an object.
    const Json& operator[](const std::string& key) const;
    bool contains(const std::string& key) const;
    /// Sets (replaces) a member, keeping insertion order.
    Json& set(const std::string& key, Json value);
    Json& push(Json value);

    /// Pretty-printed with 2-space indentation; numbers with up to 9 significant digits.
    std::string dump(int indent = 0) const;
    static Result<Json> parse(const std::string& text);

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    double m_num = 0.0;
    std::string m_str;
    std::vector<Json> m_arr;
    std::vector<std::pair<std::string, Json>> m_obj;
};

/// Reads a whole file; nothing on failure.
Result<std::string> readTextFile(const std::string& path);
/// Writes a whole file (replacing it); false on failure.
bool writeTextFile(const std::string& path, const std::string& text);

} // namespace ecglens::ml
