#include "io/messages.h"
#include "io/wfdb/wfdb_signal.h"

#include <FLAC/stream_decoder.h>

#include <algorithm>
#include <filesystem>
#include <memory>

namespace ecglens::io::wfdb {

namespace {

/// Collects FLAC blocks and hands whole WFDB frames to the sink. With samples-per-frame k,
/// frame f of channel c is FLAC samples f*k .. f*k+k-1 of that channel.
struct FlacState
{
    const GroupLayout* group = nullptr;
    const FrameSink* sink = nullptr;
    const std::function<bool(double)>* progress = nullptr;
    std::int64_t maxFrames = 0;
    std::int64_t frames = 0;
    std::uint64_t fileBytes = 0;
    int spf = 1;
    std::vector<std::vector<std::int32_t>> pending; ///< per channel, not yet emitted
    std::vector<std::int32_t> out;
    bool cancelled = false;
    Message error; ///< empty id: none
};

FLAC__StreamDecoderWriteStatus onWrite(const FLAC__StreamDecoder* decoder, const FLAC__Frame* frame,
                                       const FLAC__int32* const buffer[], void* client)
{
    auto* st = static_cast<FlacState*>(client);
    const std::size_t channels = st->pending.size();
    if (frame->header.channels != channels) {
        st->error = makeMessage(
            messages::kWfdbFlacChannels,
            {st->group->path, std::to_string(frame->header.channels), std::to_string(channels)});
        return FLAC__STREAM_DECODER_WRITE_STATUS_ABORT;
    }
    const std::size_t n = frame->header.blocksize;
    for (std::size_t c = 0; c < channels; ++c)
        st->pending[c].insert(st->pending[c].end(), buffer[c], buffer[c] + n);
    const std::size_t k = std::size_t(st->spf);
    std::size_t whole = st->pending[0].size() / k;
    whole = std::size_t(std::min<std::int64_t>(std::int64_t(whole), st->maxFrames - st->frames));
    if (whole > 0) {
        st->out.resize(whole * channels * k);
        std::int32_t* o = st->out.data();
        for (std::size_t f = 0; f < whole; ++f)
            for (std::size_t c = 0; c < channels; ++c)
                for (std::size_t j = 0; j < k; ++j)
                    *o++ = st->pending[c][f * k + j];
        for (auto& p : st->pending)
            p.erase(p.begin(), p.begin() + std::ptrdiff_t(whole * k));
        if (!(*st->sink)(st->out.data(), whole, st->frames)) {
            st->cancelled = true;
            return FLAC__STREAM_DECODER_WRITE_STATUS_ABORT;
        }
        st->frames += std::int64_t(whole);
    }
    if (st->progress && *st->progress) {
        FLAC__uint64 pos = 0;
        if (FLAC__stream_decoder_get_decode_position(decoder, &pos) && st->fileBytes > 0 &&
            !(*st->progress)(double(pos) / double(st->fileBytes))) {
            st->cancelled = true;
            return FLAC__STREAM_DECODER_WRITE_STATUS_ABORT;
        }
    }
    if (st->frames >= st->maxFrames)
        return FLAC__STREAM_DECODER_WRITE_STATUS_ABORT; // all we need
    return FLAC__STREAM_DECODER_WRITE_STATUS_CONTINUE;
}

void onError(const FLAC__StreamDecoder*, FLAC__StreamDecoderErrorStatus status, void* client)
{
    auto* st = static_cast<FlacState*>(client);
    if (st->error.id.empty())
        st->error = makeMessage(messages::kWfdbFlacDataError,
                                {st->group->path, FLAC__StreamDecoderErrorStatusString[status]});
}

struct DecoderDeleter
{
    void operator()(FLAC__StreamDecoder* d) const { FLAC__stream_decoder_delete(d); }
};

} // namespace

Result<DecodeResult> decodeFlacGroup(const GroupLayout& g, std::int64_t maxFrames,
                                     const FrameSink& sink,
                                     const std::function<bool(double)>& progress)
{
    using R = Result<DecodeResult>;
    DecodeResult result;
    if (g.spf.empty() || maxFrames <= 0)
        return result;
    if (g.spf.size() > 8)
        return R::failure(
            makeMessage(messages::kWfdbFlacTooManySignals, {g.path, std::to_string(g.spf.size())}));
    if (std::any_of(g.spf.begin(), g.spf.end(), [&](int s) { return s != g.spf[0]; }))
        return R::failure(makeMessage(messages::kWfdbFlacFrameLayout, {g.path}));

    FlacState st;
    st.group = &g;
    st.sink = &sink;
    st.progress = &progress;
    st.maxFrames = maxFrames;
    st.spf = g.spf[0];
    st.pending.resize(g.spf.size());
    std::error_code ec;
    st.fileBytes = std::filesystem::file_size(g.path, ec);

    std::unique_ptr<FLAC__StreamDecoder, DecoderDeleter> decoder(FLAC__stream_decoder_new());
    if (!decoder)
        return R::failure(g.path + ": cannot create a FLAC decoder.");
    FLAC__stream_decoder_set_md5_checking(decoder.get(), false);
    const auto init = FLAC__stream_decoder_init_file(decoder.get(), g.path.c_str(), onWrite,
                                                     nullptr, onError, &st);
    if (init != FLAC__STREAM_DECODER_INIT_STATUS_OK)
        return R::failure(makeMessage(messages::kWfdbFlacUnopenable,
                                      {g.path, FLAC__StreamDecoderInitStatusString[init]}));
    FLAC__stream_decoder_process_until_end_of_stream(decoder.get());
    FLAC__stream_decoder_finish(decoder.get());
    result.frames = st.frames;
    result.cancelled = st.cancelled;
    if (!st.error.id.empty() && st.frames == 0)
        return R::failure(st.error);
    return result;
}

} // namespace ecglens::io::wfdb
