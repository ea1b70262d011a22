#include "ml/model_files.h"

#include "core/sha256.h"
#include "ml/model_messages.h"

#include <algorithm>
#include <ctime>
#include <filesystem>

namespace ecglens::ml {

namespace fs = std::filesystem;

Result<bool> writeManifest(const std::string& dir, const std::vector<std::string>& files)
{
    Json manifest = Json::object();
    manifest.set("format", "ecglens-model-manifest-1");
    Json list = Json::array();
    for (const std::string& f : files) {
        const auto sha = sha256File((fs::path(dir) / f).string());
        if (!sha)
            return Result<bool>::failure((fs::path(dir) / f).string() + ": cannot be read");
        Json entry = Json::object();
        entry.set("file", f);
        entry.set("sha256", *sha);
        entry.set("bytes", (long long)fs::file_size(fs::path(dir) / f));
        list.push(entry);
    }
    manifest.set("files", list);
    if (!writeTextFile((fs::path(dir) / kManifestFile).string(), manifest.dump() + "\n"))
        return Result<bool>::failure(dir + ": cannot write " + kManifestFile);
    return true;
}

namespace {

std::string fingerprintOf(const std::string& weightsSha, const Json& model)
{
    Json content = Json::object();
    for (const auto& [key, value] : model.members())
        if (key != "version")
            content.set(key, value);
    return sha256Hex(weightsSha + "\n" + content.dump()).substr(0, 12);
}

} // namespace

Result<std::string> modelFingerprint(const std::string& dir, const Json& model,
                                     const std::string& weightsFile)
{
    const auto weightsSha = sha256File((fs::path(dir) / weightsFile).string());
    if (!weightsSha)
        return Result<std::string>::failure((fs::path(dir) / weightsFile).string() +
                                            ": cannot be read");
    return fingerprintOf(*weightsSha, model);
}

Result<bool> stampVersion(const std::string& dir, Json& model, const std::string& weightsFile)
{
    const auto fingerprint = modelFingerprint(dir, model, weightsFile);
    if (!fingerprint)
        return Result<bool>::failure(fingerprint.error());
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", &utc);
    model.set("version", std::string(date) + "+" + *fingerprint);
    return true;
}

Result<std::string> verifiedOrRead(const std::string& dir, const std::string& file,
                                   const VerifiedFiles* verified)
{
    if (verified)
        if (const auto it = verified->find(file); it != verified->end())
            return it->second.bytes;
    return readTextFile((fs::path(dir) / file).string());
}

Result<Json> readModelJson(const std::string& dir, const VerifiedFiles* verified)
{
    const std::string path = (fs::path(dir) / kModelFile).string();
    const auto text = verifiedOrRead(dir, kModelFile, verified);
    if (!text)
        return Result<Json>::failure(makeMessage(messages::kModelNoModelJson, {dir}));
    auto model = Json::parse(*text);
    if (!model)
        return Result<Json>::failure(path + ": " + model.error());
    return model;
}

Result<bool> checkVersion(const std::string& dir, const Json& model, const VerifiedFiles* verified)
{
    using R = Result<bool>;
    const std::string weights =
        model["weights_file"].isString() ? model["weights_file"].string() : kWeightsFile;
    const std::string* knownSha = nullptr;
    if (verified)
        if (const auto it = verified->find(weights); it != verified->end())
            knownSha = &it->second.sha256;
    const auto fingerprint = knownSha ? Result<std::string>(fingerprintOf(*knownSha, model))
                                      : modelFingerprint(dir, model, weights);
    if (!fingerprint)
        return R::failure(fingerprint.error());
    const std::string version = model["version"].string();
    const std::string suffix = "+" + *fingerprint;
    if (version.size() < suffix.size() ||
        version.compare(version.size() - suffix.size(), suffix.size(), suffix) != 0)
        return R::failure(makeMessage(messages::kModelVersionMismatch, {dir, version, suffix}));
    return true;
}

Result<std::string> verifyManifestFiles(const std::string& dir,
                                        const std::vector<std::string>& required,
                                        ManifestOwner owner, VerifiedFiles* verified)
{
    using R = Result<std::string>;
    namespace m = messages;
    const bool model = owner == ManifestOwner::Model;
    const auto fail = [](const MessageTemplate& t, std::vector<std::string> values) {
        return R::failure(makeMessage(t, std::move(values)));
    };
    const std::string path = (fs::path(dir) / kManifestFile).string();
    const auto text = readTextFile(path);
    if (!text)
        return fail(model ? m::kModelNoManifest : m::kBaselineNoManifest, {dir});
    const auto manifest = Json::parse(*text);
    if (!manifest || !manifest->isObject() || !(*manifest)["files"].isArray())
        return fail(model ? m::kModelManifestDamaged : m::kBaselineManifestDamaged,
                    {path, manifest ? "no file list" : manifest.error()});
    const auto& entries = (*manifest)["files"].items();
    for (const std::string& file : required) {
        const bool listed = std::any_of(entries.begin(), entries.end(), [&](const Json& e) {
            return !file.empty() && e["file"].string() == file;
        });
        if (!listed)
            return fail(model ? m::kModelFileUnlisted : m::kBaselineFileUnlisted,
                        {dir, file.empty() ? "a required file" : file});
    }
    for (const Json& entry : entries) {
        const std::string file = entry["file"].string();
        const std::string expected = entry["sha256"].string();
        if (file.empty() || file.find("..") != std::string::npos || file.find('/') == 0)
            return fail(model ? m::kModelInvalidFileName : m::kBaselineInvalidFileName, {path});
        // Read once: the hash is of the very bytes handed to the loader (model files are small).
        auto bytes = readTextFile((fs::path(dir) / file).string());
        if (!bytes)
            return fail(model ? m::kModelFileMissing : m::kBaselineFileMissing, {file, dir});
        const std::string actual = sha256Hex(*bytes);
        if (actual != expected)
            return fail(model ? m::kModelFileModified : m::kBaselineFileModified,
                        {file, dir, actual.substr(0, 16) + "...", expected.substr(0, 16) + "..."});
        if (verified)
            (*verified)[file] = VerifiedFile{actual, std::move(*bytes)};
    }
    return sha256Hex(*text);
}

Result<std::string> verifyManifest(const std::string& dir, VerifiedFiles* verified)
{
    return verifyManifestFiles(dir, {kModelFile, kWeightsFile}, ManifestOwner::Model, verified);
}

} // namespace ecglens::ml
