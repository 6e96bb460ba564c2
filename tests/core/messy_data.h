#pragma once
// Data as a new user brings it, made by the tests themselves (seeded, so every run is the same):
//   images/      an image folder: mixed sizes, RGBA with transparency, RGB JPEGs, grayscale PNGs,
//                a class with a single image, and a file that is not an image at all
//   reviews.csv  texts with labels: quoted fields with commas and line breaks, CRLF, an empty text
//   table.csv    a table with missing values ("", NA, ?), a categorical column and a label column
//   prices.csv   a table whose target is a number with many values (regression)
//   digits/      an IDX folder (uncompressed): 60 training and 15 test 12×12 images of 3 classes
//   notes/       a text folder: one subfolder of .txt files per class, one of them empty
// The counts below are what the tests assert against.
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace netloom::testing {

struct MessyCounts {
    // images/
    int64_t circles = 0, squares = 0, lonely = 0;
    int64_t rgba = 0, rgb = 0, gray = 0;
    int64_t at32 = 0;              // images of the most common size, 32×32
    int64_t sizes = 0;             // distinct sizes
    // reviews.csv
    int64_t reviews = 0;
    // table.csv
    int64_t tableRows = 0, tableMissing = 0;
    // digits/ and notes/
    int64_t idxTrain = 0, idxTest = 0;
    int64_t notes = 0;  // readable (non-empty) notes
};

// One IDX file: magic, big-endian dimensions, then the bytes.
inline void writeIdx(const std::string& path, int magic, const std::vector<int32_t>& dims, const std::vector<uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    auto be = [&](int32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8) out.put(static_cast<char>((v >> shift) & 0xff));
    };
    be(magic);
    for (int32_t d : dims) be(d);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

inline MessyCounts writeMessyData(const std::string& dir) {
    namespace fs = std::filesystem;
    MessyCounts n;
    std::mt19937 rng(7);
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };

    // ---- images ----
    const std::string images = dir + "/images";
    for (const char* cls : {"circle", "square", "lonely"}) fs::create_directories(images + "/" + cls);
    struct Size {
        int w, h;
    };
    const Size sizes[] = {{32, 32}, {32, 32}, {32, 32}, {32, 32}, {24, 24}, {40, 30}};
    n.sizes = 3;
    auto draw = [&](const std::string& cls, int k, cv::Mat& bgr, cv::Mat& alpha) {
        const Size s = sizes[static_cast<size_t>(k) % 6];
        bgr = cv::Mat(s.h, s.w, CV_8UC3, cv::Scalar(uniform(0, 60), uniform(0, 60), uniform(0, 60)));
        alpha = cv::Mat(s.h, s.w, CV_8UC1, cv::Scalar(0));
        cv::Scalar colour(uniform(120, 255), uniform(120, 255), uniform(120, 255));
        const int r = std::min(s.w, s.h) / 3 + uniform(-2, 2);
        const cv::Point c(s.w / 2 + uniform(-3, 3), s.h / 2 + uniform(-3, 3));
        if (cls == "circle") {
            cv::circle(bgr, c, r, colour, cv::FILLED);
            cv::circle(alpha, c, r, cv::Scalar(255), cv::FILLED);
        } else if (cls == "square") {
            cv::rectangle(bgr, cv::Rect(c.x - r, c.y - r, 2 * r, 2 * r), colour, cv::FILLED);
            cv::rectangle(alpha, cv::Rect(c.x - r, c.y - r, 2 * r, 2 * r), cv::Scalar(255), cv::FILLED);
        } else {
            std::vector<cv::Point> tri{{c.x, c.y - r}, {c.x - r, c.y + r}, {c.x + r, c.y + r}};
            cv::fillConvexPoly(bgr, tri, colour);
            cv::fillConvexPoly(alpha, tri, cv::Scalar(255));
        }
        if (s.w == 32 && s.h == 32) ++n.at32;
    };
    auto save = [&](const std::string& cls, int k, int mode) {  // mode 0 RGBA png, 1 RGB jpg/png, 2 gray png
        cv::Mat bgr, alpha;
        draw(cls, k, bgr, alpha);
        const std::string stem = images + "/" + cls + "/" + cls + "_" + std::to_string(k);
        if (mode == 0) {
            std::vector<cv::Mat> planes;
            cv::split(bgr, planes);
            planes.push_back(alpha);
            cv::Mat bgra;
            cv::merge(planes, bgra);
            cv::imwrite(stem + ".png", bgra);
            ++n.rgba;
        } else if (mode == 1) {
            cv::imwrite(stem + (k % 2 ? ".jpg" : ".png"), bgr);
            ++n.rgb;
        } else {
            cv::Mat gray;
            cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
            cv::imwrite(stem + ".png", gray);
            ++n.gray;
        }
    };
    for (int k = 0; k < 30; ++k, ++n.circles) save("circle", k, k % 5 == 4 ? 2 : 0);   // RGBA, some gray
    for (int k = 0; k < 30; ++k, ++n.squares) save("square", k, k % 5 == 4 ? 2 : 1);   // RGB, some gray
    save("lonely", 0, 0);
    n.lonely = 1;
    std::ofstream(images + "/square/not-an-image.png") << "this file only pretends to be a PNG";

    // ---- texts with labels ----
    const std::vector<std::vector<std::string>> words = {
        {"wonderful", "great", "loved", "excellent", "delightful", "superb", "happy", "brilliant"},
        {"awful", "terrible", "hated", "boring", "broken", "waste", "sad", "disappointing"},
        {"okay", "average", "fine", "ordinary", "acceptable", "plain", "middling", "so-so"}};
    const std::vector<std::string> filler = {"the", "film", "was", "and", "plot", "actors", "music", "really", "quite", "story"};
    const char* labels[] = {"positive", "negative", "neutral"};
    {
        std::ofstream out(dir + "/reviews.csv", std::ios::binary);
        out << "id,review,sentiment\r\n";
        for (int k = 0; k < 150; ++k) {
            const int cls = k % 3;
            std::string text;
            const int len = uniform(4, 30);
            for (int w = 0; w < len; ++w) {
                text += (w ? " " : "");
                text += uniform(0, 2) == 0 ? words[cls][static_cast<size_t>(uniform(0, 7))] : filler[static_cast<size_t>(uniform(0, 9))];
            }
            if (k % 7 == 0) text += ", truly";           // a comma: the field is quoted
            if (k % 11 == 0) text += "\nsecond line";    // a line break inside a quoted field
            if (k % 13 == 0) text += " \"quoted\" words";  // doubled quotes
            if (k == 149) text = "!!!";                   // nothing left after cleaning
            std::string quoted = "\"";
            for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            out << k << "," << quoted << "\"," << labels[cls] << "\r\n";
            ++n.reviews;
        }
    }

    // ---- a table with missing values ----
    {
        std::ofstream out(dir + "/table.csv");
        out << "age,income,city,visits,label\n";
        const char* cities[] = {"Lyon", "Porto", "Graz", "Turku"};
        const char* missing[] = {"", "NA", "?"};
        for (int k = 0; k < 200; ++k) {
            const int age = uniform(18, 80);
            const double income = 20000 + 800.0 * uniform(0, 100);
            const int visits = uniform(0, 20);
            const bool yes = visits + age / 10 > 14;
            std::string cells[4] = {std::to_string(age), std::to_string(static_cast<int>(income)), cities[uniform(0, 3)],
                                    std::to_string(visits)};
            if (k % 9 == 0) {
                cells[static_cast<size_t>(k / 9 % 4)] = missing[k % 3];
                ++n.tableMissing;
            }
            out << cells[0] << "," << cells[1] << "," << cells[2] << "," << cells[3] << "," << (yes ? "yes" : "no") << "\n";
            ++n.tableRows;
        }
    }

    // ---- a regression table ----
    {
        std::ofstream out(dir + "/prices.csv");
        out << "rooms,area,garden,price\n";
        for (int k = 0; k < 120; ++k) {
            const int rooms = uniform(1, 6), area = uniform(30, 200);
            const bool garden = uniform(0, 1) == 1;
            out << rooms << "," << area << "," << (garden ? "yes" : "no") << ","
                << 1000 * area + 5000 * rooms + (garden ? 20000 : 0) + uniform(0, 999) << "\n";
        }
    }
    // ---- an IDX folder ----
    {
        const std::string digits = dir + "/digits";
        fs::create_directories(digits);
        auto images = [&](int count, const std::string& imagesName, const std::string& labelsName) {
            std::vector<uint8_t> pixels, classes;
            for (int k = 0; k < count; ++k) {
                const int cls = k % 3;
                cv::Mat m(12, 12, CV_8UC1, cv::Scalar(uniform(0, 30)));
                if (cls == 0) cv::line(m, {2, 2}, {9, 9}, cv::Scalar(255), 2);
                if (cls == 1) cv::line(m, {6, 1}, {6, 10}, cv::Scalar(255), 2);
                if (cls == 2) cv::circle(m, {6, 6}, 4, cv::Scalar(255), 1);
                pixels.insert(pixels.end(), m.data, m.data + 144);
                classes.push_back(static_cast<uint8_t>(cls));
            }
            writeIdx(digits + "/" + imagesName, 2051, {count, 12, 12}, pixels);
            writeIdx(digits + "/" + labelsName, 2049, {count}, classes);
        };
        images(60, "train-images-idx3-ubyte", "train-labels-idx1-ubyte");
        images(15, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
        n.idxTrain = 60;
        n.idxTest = 15;
    }

    // ---- a text folder ----
    {
        const char* kinds[] = {"bug", "feature"};
        const std::vector<std::vector<std::string>> vocab = {{"crash", "error", "broken", "fails", "wrong"},
                                                             {"please", "add", "support", "would", "like"}};
        for (int cls = 0; cls < 2; ++cls) {
            fs::create_directories(dir + "/notes/" + kinds[cls]);
            for (int k = 0; k < 20; ++k) {
                std::ofstream out(dir + "/notes/" + kinds[cls] + "/" + std::to_string(k) + ".txt");
                for (int w = 0; w < 6 + k % 5; ++w) out << vocab[static_cast<size_t>(cls)][static_cast<size_t>(uniform(0, 4))] << " ";
                ++n.notes;
            }
        }
        std::ofstream(dir + "/notes/bug/empty.txt") << "  \n";
    }
    return n;
}

}  // namespace netloom::testing
