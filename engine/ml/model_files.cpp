#include "ml/model_files.h"

#include "ml/sha256.h"

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

Result<std::string> verifyManifest(const std::string& dir)
{
    using R = Result<std::string>;
    const std::string path = (fs::path(dir) / kManifestFile).string();
    const auto text = readTextFile(path);
    if (!text)
        return R::failure("model folder " + dir + " has no " + kManifestFile +
                          "; it is not an ECG Lens model or is incomplete — reinstall the model");
    const auto manifest = Json::parse(*text);
    if (!manifest || !manifest->isObject() || !(*manifest)["files"].isArray())
        return R::failure(path + " is damaged (" + manifest.error() +
                          "); the model is refused — reinstall the model");
    bool hasModel = false, hasWeights = false;
    for (const Json& entry : (*manifest)["files"].items()) {
        const std::string file = entry["file"].string();
        const std::string expected = entry["sha256"].string();
        if (file.empty() || file.find("..") != std::string::npos || file.find('/') == 0)
            return R::failure(path + " lists an invalid file name; the model is refused");
        const auto actual = sha256File((fs::path(dir) / file).string());
        if (!actual)
            return R::failure("model file " + file + " is missing from " + dir +
                              "; the model is refused — reinstall the model");
        if (*actual != expected)
            return R::failure("model file " + file + " in " + dir +
                              " has been modified or damaged (SHA-256 " + actual->substr(0, 16) +
                              "... does not match the manifest's " + expected.substr(0, 16) +
                              "...); the model is refused — reinstall the model");
        hasModel = hasModel || file == kModelFile;
        hasWeights = hasWeights || file == kWeightsFile;
    }
    if (!hasModel || !hasWeights)
        return R::failure(path + " does not cover " + kModelFile + " and " + kWeightsFile +
                          "; the model is refused as mismatched");
    return sha256Hex(*text);
}

} // namespace ecglens::ml
