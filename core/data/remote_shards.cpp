#include "data/remote_shards.h"

#include <curl/curl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <functional>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "data/dataset.h"
#include "data/sample_cache.h"

namespace netloom {

namespace {

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t writeToFile(char* data, size_t size, size_t count, void* file) {
    return std::fwrite(data, size, count, static_cast<std::FILE*>(file)) * size;
}

size_t writeToString(char* data, size_t size, size_t count, void* text) {
    static_cast<std::string*>(text)->append(data, size * count);
    return size * count;
}

struct Attempt {
    CURLcode code = CURLE_OK;
    long status = 0;
    std::string curlError;
    bool transient() const {
        if (code != CURLE_OK) return code != CURLE_UNSUPPORTED_PROTOCOL && code != CURLE_URL_MALFORMAT;
        return status >= 500 || status == 429;
    }
    bool ok() const { return code == CURLE_OK && status >= 200 && status < 300; }
    std::string describe() const {
        if (code != CURLE_OK) return curlError.empty() ? curl_easy_strerror(code) : curlError;
        return "HTTP " + std::to_string(status);
    }
};

// Where an s3://bucket/key URL is fetched and how it is signed: path-style on $AWS_ENDPOINT_URL (a
// local or compatible server), else virtual-hosted on AWS; SigV4 by libcurl with the credentials of
// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN), else of the profile file.
struct S3Request {
    std::string url, region, key, secret, token;
};

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

void readProfile(S3Request& r) {
    std::string file = env("AWS_SHARED_CREDENTIALS_FILE");
    if (file.empty() && !env("HOME").empty()) file = env("HOME") + "/.aws/credentials";
    const std::string profile = env("AWS_PROFILE").empty() ? "default" : env("AWS_PROFILE");
    std::ifstream in(file);
    std::string line;
    bool inside = false;
    auto trim = [](std::string s) {
        s.erase(0, s.find_first_not_of(" \t\r"));
        s.erase(s.find_last_not_of(" \t\r") + 1);
        return s;
    };
    while (std::getline(in, line)) {
        line = trim(line);
        if (line.empty() || line[0] == '#' || line[0] == ';') continue;
        if (line[0] == '[') {
            inside = trim(line.substr(1, line.find(']') - 1)) == profile;
            continue;
        }
        const size_t eq = line.find('=');
        if (!inside || eq == std::string::npos) continue;
        const std::string k = trim(line.substr(0, eq)), v = trim(line.substr(eq + 1));
        if (k == "aws_access_key_id") r.key = v;
        else if (k == "aws_secret_access_key") r.secret = v;
        else if (k == "aws_session_token") r.token = v;
    }
}

std::string urlEscaped(const std::string& text) {
    char* escaped = curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size()));
    std::string out = escaped ? escaped : "";
    curl_free(escaped);
    return out;
}

using Query = std::map<std::string, std::string>;

// `s3url` is s3://BUCKET/KEY, or s3://BUCKET/PREFIX/ with `listQuery` (ListObjectsV2's parameters,
// the prefix added here). The query is written sorted by name, as SigV4's canonical request has it:
// libcurl 7.88 signs the query as written.
S3Request s3Request(const std::string& s3url, Query listQuery = {}) {
    S3Request r;
    const std::string rest = s3url.substr(5);  // after s3://
    const size_t slash = rest.find('/');
    const bool listing = !listQuery.empty();
    if (slash == std::string::npos || slash == 0 || (!listing && slash + 1 == rest.size()))
        throw DataError(s3url + (listing ? ": an S3 listing is s3://BUCKET/PREFIX/" : ": an S3 shard is s3://BUCKET/KEY"));
    const std::string bucket = rest.substr(0, slash), key = rest.substr(slash + 1);
    r.region = !env("AWS_REGION").empty() ? env("AWS_REGION") : !env("AWS_DEFAULT_REGION").empty() ? env("AWS_DEFAULT_REGION") : "us-east-1";
    std::string endpoint = env("AWS_ENDPOINT_URL_S3").empty() ? env("AWS_ENDPOINT_URL") : env("AWS_ENDPOINT_URL_S3");
    while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
    const std::string host = endpoint.empty() ? "https://" + bucket + ".s3." + r.region + ".amazonaws.com" : endpoint + "/" + bucket;
    if (listing) {
        listQuery["prefix"] = key;
        std::string query;
        for (const auto& [name, value] : listQuery) query += (query.empty() ? "" : "&") + name + "=" + urlEscaped(value);
        r.url = host + "?" + query;
    } else {
        std::string path;  // the key URI-encoded segment by segment, as S3 signs it
        for (size_t start = 0; start <= key.size();) {
            const size_t slash = std::min(key.find('/', start), key.size());
            path += (start ? "/" : "") + urlEscaped(key.substr(start, slash - start));
            start = slash + 1;
        }
        r.url = host + "/" + path;
    }
    r.key = env("AWS_ACCESS_KEY_ID");
    r.secret = env("AWS_SECRET_ACCESS_KEY");
    r.token = env("AWS_SESSION_TOKEN");
    if (r.key.empty() || r.secret.empty()) {
        r.token.clear();
        readProfile(r);
    }
    if (r.key.empty() || r.secret.empty())
        throw DataError(s3url + ": no AWS credentials (set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a profile in "
                                "~/.aws/credentials)");
    return r;
}

// One GET of `url` (signed when `s3`), its body handed to `write(…, sink)`.
Attempt get(const std::string& url, const S3Request* s3, curl_write_callback write, void* sink, long timeoutSeconds) {
    Attempt a;
    CURL* curl = curl_easy_init();
    char error[CURL_ERROR_SIZE] = {0};
    struct curl_slist* headers = nullptr;
    std::string userpwd, sigv4;
    if (s3) {
        curl_easy_setopt(curl, CURLOPT_URL, s3->url.c_str());
        userpwd = s3->key + ":" + s3->secret;
        sigv4 = "aws:amz:" + s3->region + ":s3";
        curl_easy_setopt(curl, CURLOPT_USERPWD, userpwd.c_str());
        curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, sigv4.c_str());
        // S3 wants the payload's hash signed too: the empty body's, for a GET.
        headers = curl_slist_append(headers, "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        if (!s3->token.empty()) headers = curl_slist_append(headers, ("x-amz-security-token: " + s3->token).c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    } else {
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    }
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, sink);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 30L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "netloom");
    a.code = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &a.status);
    a.curlError = error;
    curl_easy_cleanup(curl);
    curl_slist_free_all(headers);
    return a;
}

Attempt download(const std::string& url, const S3Request* s3, const std::string& path, long timeoutSeconds) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) throw DataError(path + ": cannot write the shard cache");
    Attempt a = get(url, s3, writeToFile, file, timeoutSeconds);
    if (std::fclose(file) != 0 && a.code == CURLE_OK) throw DataError(path + ": cannot write the shard cache");
    return a;
}

// Runs `attempt` until it succeeds, retrying transient failures with exponential backoff; throws
// DataError naming `url` and the last status.
void withRetries(const std::string& url, const FetchOptions& options, const std::function<Attempt()>& attempt) {
    double backoff = options.firstBackoffSeconds;
    Attempt last;
    for (int k = 1; k <= options.attempts; ++k) {
        last = attempt();
        if (last.ok()) return;
        if (!last.transient() || k == options.attempts) break;
        if (options.onRetry) {
            char wait[32];
            std::snprintf(wait, sizeof wait, "%.1f", backoff);
            options.onRetry("GET " + url + ": " + last.describe() + ", retrying in " + wait + " s");
        }
        std::this_thread::sleep_for(std::chrono::duration<double>(backoff));
        backoff *= 2;
    }
    throw DataError("GET " + url + ": " + last.describe() + (last.transient() ? " after " + std::to_string(options.attempts) + " attempts" : ""));
}

// The text of every <tag>…</tag> in `xml`, XML's five entities decoded.
std::vector<std::string> elements(const std::string& xml, const std::string& tag) {
    std::vector<std::string> out;
    const std::string open = "<" + tag + ">", close = "</" + tag + ">";
    for (size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at)) {
        const size_t start = at + open.size(), end = xml.find(close, start);
        if (end == std::string::npos) break;
        std::string text = xml.substr(start, end - start);
        std::string decoded;
        for (size_t i = 0; i < text.size(); ++i) {
            static const std::pair<const char*, char> entities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
            bool replaced = false;
            for (const auto& [name, ch] : entities)
                if (text.compare(i, std::strlen(name), name) == 0) {
                    decoded += ch;
                    i += std::strlen(name) - 1;
                    replaced = true;
                    break;
                }
            if (!replaced) decoded += text[i];
        }
        out.push_back(decoded);
        at = end + close.size();
    }
    return out;
}

}  // namespace

bool isRemoteShard(const std::string& name) {
    return name.rfind("http://", 0) == 0 || name.rfind("https://", 0) == 0 || name.rfind("s3://", 0) == 0;
}

std::string fetchShard(const std::string& url, const FetchOptions& options) {
    initCurlOnce();
    const std::string folder = sampleCacheRoot() + "/shards";
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw DataError(folder + ": cannot create the shard cache (" + ec.message() + ")");
    const std::string path = folder + "/" + digestHex(url) + ".tar";
    if (options.reuseCached && ::access(path.c_str(), R_OK) == 0) return path;
    // A name of its own for every download: two threads of a process may fetch the same URL.
    static std::atomic<unsigned> downloads{0};
    const std::string temp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++downloads);
    std::optional<S3Request> s3;
    if (url.rfind("s3://", 0) == 0) s3 = s3Request(url);
    try {
        withRetries(url, options, [&] { return download(url, s3 ? &*s3 : nullptr, temp, options.timeoutSeconds); });
    } catch (const DataError&) {
        std::remove(temp.c_str());
        throw;
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) throw DataError(path + ": cannot store the fetched shard");
    return path;
}

bool isShardListing(const std::string& name) { return name.rfind("s3://", 0) == 0 && name.back() == '/'; }

std::vector<std::string> listShards(const std::string& prefixUrl, const FetchOptions& options) {
    initCurlOnce();
    const std::string bucket = prefixUrl.substr(5, prefixUrl.find('/', 5) - 5);
    std::vector<std::string> shards;
    std::string continuation;
    do {
        Query query{{"list-type", "2"}};
        if (options.listPageSize > 0) query["max-keys"] = std::to_string(options.listPageSize);
        if (!continuation.empty()) query["continuation-token"] = continuation;
        const S3Request request = s3Request(prefixUrl, query);
        std::string body;
        withRetries(prefixUrl, options, [&] {
            body.clear();
            return get(request.url, &request, writeToString, &body, options.timeoutSeconds);
        });
        for (const std::string& key : elements(body, "Key"))
            if (key.size() > 4 && key.compare(key.size() - 4, 4, ".tar") == 0) shards.push_back("s3://" + bucket + "/" + key);
        const std::vector<std::string> truncated = elements(body, "IsTruncated"), next = elements(body, "NextContinuationToken");
        const bool more = !truncated.empty() && truncated.front() == "true";
        if (more && (next.empty() || next.front().empty()))
            throw DataError(prefixUrl + ": the listing is cut short and gives no continuation token");
        continuation = more ? next.front() : "";
    } while (!continuation.empty());
    std::sort(shards.begin(), shards.end());
    if (shards.empty()) throw DataError(prefixUrl + ": no .tar shards under this prefix");
    return shards;
}

}  // namespace netloom
