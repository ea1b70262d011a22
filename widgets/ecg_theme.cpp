#include "ecg_theme.h"

namespace ecglens {

EcgTheme EcgTheme::red()
{
    EcgTheme t;
    t.key = QStringLiteral("red");
    t.paper = QColor(255, 247, 244);
    t.minor = QColor(246, 196, 188);
    t.major = QColor(226, 120, 110);
    t.trace = QColor(10, 10, 30);
    t.label = QColor(20, 20, 20);
    t.pulse = QColor(10, 10, 30);
    t.caliper = QColor(0, 90, 200);
    t.marchOut = QColor(0, 90, 200, 140);
    return t;
}

EcgTheme EcgTheme::mono()
{
    EcgTheme t;
    t.key = QStringLiteral("mono");
    t.paper = QColor(255, 255, 255);
    t.minor = QColor(226, 226, 226);
    t.major = QColor(160, 160, 160);
    t.trace = QColor(0, 0, 0);
    t.label = QColor(0, 0, 0);
    t.pulse = QColor(0, 0, 0);
    t.caliper = QColor(60, 60, 60);
    t.marchOut = QColor(60, 60, 60, 140);
    return t;
}

EcgTheme EcgTheme::fromKey(const QString& key)
{
    return key == QLatin1String("mono") ? mono() : red();
}

} // namespace ecglens
