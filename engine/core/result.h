#pragma once

#include "core/message.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace ecglens {

/// A value or a clinician-readable error message; the engine's boundary type (no exceptions
/// cross into the GUI). Modelled on std::expected, which C++20 lacks.
template <typename T> class Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    static Result failure(std::string message) { return Result(Error{std::move(message), {}}); }
    /// A failure an interface can word in its own language (error() is its English).
    static Result failure(Message message)
    {
        std::string text = message.text;
        return Result(Error{std::move(text), std::move(message)});
    }
    /// `other`'s failure, its Message kept.
    template <typename U> static Result failureOf(const Result<U>& other)
    {
        const Message* m = other.errorMessage();
        return m ? failure(*m) : failure(other.error());
    }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_state); }
    const T& value() const& { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    /// Empty when ok().
    const std::string& error() const
    {
        static const std::string none;
        return ok() ? none : std::get<Error>(m_state).message;
    }
    /// The failure's id and values when the engine gave them (else nullptr: English only).
    const Message* errorMessage() const
    {
        if (ok())
            return nullptr;
        const auto& m = std::get<Error>(m_state).structured;
        return m.id.empty() ? nullptr : &m;
    }

private:
    struct Error
    {
        std::string message;
        Message structured; ///< empty id: none
    };
    explicit Result(Error e) : m_state(std::move(e)) {}
    std::variant<T, Error> m_state;
};

/// Progress in [0, 1]; return false to cancel. Engine calls that take time accept one.
using ProgressFn = std::function<bool(double)>;

} // namespace ecglens
