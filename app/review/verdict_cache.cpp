#include "verdict_cache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <vector>

namespace ecglens {

namespace {

constexpr int kFormatVersion = 1;
constexpr int kLockWaitMs = 10000;

} // namespace

QString VerdictCache::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("ECG Lens/ecglens/worklist-verdicts.json"));
}

VerdictCache::Location VerdictCache::configured(const QSettings& store)
{
    const QString set = store.value(QStringLiteral("worklist/verdicts")).toString().trimmed();
    if (set.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0)
        return {QString(), true};
    if (set.isEmpty())
        return {defaultPath(), true};
    return {QDir::cleanPath(set), false};
}

QString VerdictCache::key(const QString& recordingSha256, std::optional<double> ageYears,
                          const QString& sexCode, const QString& modelSha256)
{
    if (recordingSha256.isEmpty() || modelSha256.isEmpty())
        return {};
    return recordingSha256 + QLatin1Char('|') +
           (ageYears ? QString::number(*ageYears, 'g', 17) : QString()) + QLatin1Char('|') +
           sexCode + QLatin1Char('|') + modelSha256;
}

QHash<QString, CachedVerdict> VerdictCache::readFile(const QString& path)
{
    QHash<QString, CachedVerdict> out;
    QFile f(path);
    if (path.isEmpty() || f.size() > kMaxFileBytes || !f.open(QIODevice::ReadOnly))
        return out;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    if (root.value(QStringLiteral("version")).toInt() != kFormatVersion)
        return out;
    const QJsonObject verdicts = root.value(QStringLiteral("verdicts")).toObject();
    for (auto it = verdicts.begin(); it != verdicts.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        CachedVerdict v;
        v.verdictClass = o.value(QStringLiteral("class")).toString();
        v.probability = o.value(QStringLiteral("probability")).toDouble(-1.0);
        v.modelVersion = o.value(QStringLiteral("model")).toString();
        v.savedUtc = QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODate);
        if (const QJsonValue prompts = o.value(QStringLiteral("prompts")); prompts.isArray()) {
            QStringList codes;
            for (const QJsonValue& c : prompts.toArray())
                if (c.isString() && !c.toString().isEmpty() && codes.size() < kMaxPrompts)
                    codes << c.toString().left(kMaxPromptCode);
            v.prompts = codes;
        }
        const bool known = v.verdictClass == QLatin1String("normal") ||
                           v.verdictClass == QLatin1String("borderline") ||
                           v.verdictClass == QLatin1String("anomalous");
        if (known && v.probability >= 0.0 && v.probability <= 1.0)
            out.insert(it.key(), v);
    }
    return out;
}

void VerdictCache::ensureLoaded() const
{
    {
        const QMutexLocker lock(&m_mutex);
        if (m_loaded)
            return;
    }
    // Read without the mutex (a shared file on a slow share must not hold up the window's
    // insert() meanwhile); a second first lookup may read it too, the first to finish is kept.
    QHash<QString, CachedVerdict> read = readFile(m_path);
    const QMutexLocker lock(&m_mutex);
    if (m_loaded)
        return;
    for (auto it = m_unsaved.cbegin(); it != m_unsaved.cend(); ++it)
        read.insert(it.key(), it.value()); // inserted while it was read
    m_verdicts = std::move(read);
    m_loaded = true;
}

std::optional<CachedVerdict> VerdictCache::find(const QString& key) const
{
    if (key.isEmpty())
        return std::nullopt;
    ensureLoaded();
    const QMutexLocker lock(&m_mutex);
    const auto it = m_verdicts.constFind(key);
    return it == m_verdicts.cend() ? std::nullopt : std::optional<CachedVerdict>(*it);
}

void VerdictCache::insert(const QString& key, CachedVerdict verdict)
{
    if (key.isEmpty())
        return;
    const QMutexLocker lock(&m_mutex);
    // Not loaded yet: kept in m_unsaved, which the first lookup lays over the file.
    if (!verdict.savedUtc.isValid())
        verdict.savedUtc = QDateTime::currentDateTimeUtc();
    m_verdicts.insert(key, verdict);
    m_unsaved.insert(key, verdict);
}

int VerdictCache::unsaved() const
{
    const QMutexLocker lock(&m_mutex);
    return int(m_unsaved.size());
}

QString VerdictCache::save()
{
    const QMutexLocker saving(&m_saving);
    QHash<QString, CachedVerdict> unsaved;
    {
        const QMutexLocker lock(&m_mutex);
        unsaved = m_unsaved;
    }
    if (m_path.isEmpty() || unsaved.isEmpty())
        return {};
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return QStringLiteral("%1: its folder cannot be created").arg(m_path);
    // Read, merge and write under a lock another window's (or program's) save respects, so
    // that neither writes over verdicts the other saved in between.
    QLockFile fileLock(m_path + QStringLiteral(".lock"));
    if (!fileLock.tryLock(kLockWaitMs))
        return QStringLiteral("%1: another window has been saving it for over %2 s")
            .arg(m_path)
            .arg(kLockWaitMs / 1000);
    // What another window saved since, with this one's new verdicts over it.
    QHash<QString, CachedVerdict> all = readFile(m_path);
    for (auto it = unsaved.cbegin(); it != unsaved.cend(); ++it)
        all.insert(it.key(), it.value());
    std::vector<QString> keys(all.keyBegin(), all.keyEnd());
    if (keys.size() > std::size_t(kMaxEntries)) {
        std::nth_element(
            keys.begin(), keys.begin() + kMaxEntries, keys.end(),
            [&](const QString& a, const QString& b) { return all[a].savedUtc > all[b].savedUtc; });
        keys.resize(kMaxEntries);
    }
    // In key order: each insert then appends to the object (in any other order QJsonObject
    // moves its tail at every insert, which made a save at the cap take a third of a second).
    std::sort(keys.begin(), keys.end());
    QJsonObject verdicts;
    for (const QString& k : keys) {
        const CachedVerdict& v = all[k];
        QJsonObject o{{QStringLiteral("class"), v.verdictClass},
                      {QStringLiteral("probability"), v.probability},
                      {QStringLiteral("model"), v.modelVersion},
                      {QStringLiteral("time"), v.savedUtc.toString(Qt::ISODate)}};
        if (v.prompts)
            o.insert(QStringLiteral("prompts"), QJsonArray::fromStringList(*v.prompts));
        verdicts.insert(k, o);
    }
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("version"), kFormatVersion},
                                                       {QStringLiteral("verdicts"), verdicts}})
                                 .toJson(QJsonDocument::Compact);
    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: %2").arg(m_path, f.errorString());
    if (m_ownerOnly)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (f.write(bytes) != bytes.size() || !f.commit())
        return QStringLiteral("%1: %2").arg(m_path, f.errorString());
    const QMutexLocker lock(&m_mutex);
    // The file as written, and what was inserted while it was written (not saved yet).
    QHash<QString, CachedVerdict> kept;
    for (const QString& k : keys)
        kept.insert(k, all[k]);
    for (auto it = unsaved.cbegin(); it != unsaved.cend(); ++it) {
        const auto now = m_unsaved.constFind(it.key());
        if (now != m_unsaved.cend() && now->savedUtc == it->savedUtc &&
            now->verdictClass == it->verdictClass && now->probability == it->probability)
            m_unsaved.erase(now);
    }
    for (auto it = m_unsaved.cbegin(); it != m_unsaved.cend(); ++it)
        kept.insert(it.key(), it.value());
    m_verdicts = std::move(kept);
    m_loaded = true;
    return {};
}

} // namespace ecglens
