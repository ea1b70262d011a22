#pragma once

#include "core/recording.h"
#include "io/open.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace ecglens {
struct AuditEvent;
}

namespace ecglens::cli {

/// A sub-command: `ecglens-cli NAME ARGS...`. `args` starts with the program name.
struct Command
{
    const char* name;
    const char* summary;
    int (*run)(const QStringList& args);
};

/// Every command, in the order `--help` lists them (defined in main.cpp).
const std::vector<Command>& commands();

inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 2;

/// Prints "ecglens-cli: MESSAGE" as one line on stderr and returns kExitBadInput.
int fail(const QString& message);
int fail(const std::string& message);

/// Appends `e` to the audit trail the window writes too (AuditLog::configured); when it cannot,
/// says so on stderr and carries on.
void auditOrWarn(const AuditEvent& e);

std::string toStd(const QString& s);
QString fromStd(const std::string& s);

/// Parses `args` with `parser` (which gets --help added). Returns nothing and sets `exitCode`
/// when the command should stop: 0 after --help, 2 after a usage error (already reported).
/// Checks that exactly `positionals` positional arguments were given.
bool parseArgs(QCommandLineParser& parser, const QStringList& args, int positionals, int& exitCode);

/// Opens a recording; on failure prints the reader's message and returns nothing.
std::optional<Recording> openRecording(const QString& path, const io::OpenOptions& options = {});

/// Prints compact-free (indented) JSON followed by a newline on stdout.
void printJson(const QJsonObject& object);

/// Shortest decimal text that reads back as the same float.
std::string floatText(float value);

/// Parses a time given as seconds ("2.5") or as a sample number ("s12500") into a sample index
/// at `fsHz`. Returns nothing on a malformed value.
std::optional<long long> parseTimeToSample(const QString& text, double fsHz);

/// Resolves "--leads" text (comma-separated 0-based indices or lead names, in the order wanted).
/// Sets `error` and returns nothing when a lead does not exist.
std::optional<std::vector<int>> parseLeads(const QString& text, const Recording& recording,
                                           QString& error);

/// info-style summary: format, sampling_rate_hz, samples, duration_s, leads, patient, ...
QJsonObject recordingSummaryJson(const Recording& recording);

} // namespace ecglens::cli
