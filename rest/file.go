package rest

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/textproto"
	"strconv"
	"strings"
)

// File is a file to upload with a request, as the files[n] part of a
// multipart/form-data body; n is the file's index in Request.Files, which
// the body's attachments refer to by id. The content streams from Reader or
// from Open; it is never read into memory whole. A request retried after a
// 429 or a 5xx needs the content again: Reader must then be an io.Seeker, or
// Open must be set, otherwise the retry fails.
type File struct {
	Name        string
	ContentType string
	Reader      io.Reader
	// Open, when set, is called for each attempt instead of using Reader.
	Open func() (io.ReadCloser, error)
}

var errNotRewindable = errors.New("an upload cannot be sent again: give File a Reader that is an io.Seeker, or Open")

// multipartBody streams payload_json and the files through a pipe.
func multipartBody(payload []byte, files []File) (io.Reader, string, error) {
	// Rewind or reopen every file before the body starts.
	readers := make([]io.Reader, len(files))
	closers := make([]io.Closer, 0, len(files))
	for i, f := range files {
		switch {
		case f.Open != nil:
			rc, err := f.Open()
			if err != nil {
				for _, c := range closers {
					c.Close()
				}
				return nil, "", fmt.Errorf("open file %q: %w", f.Name, err)
			}
			readers[i] = rc
			closers = append(closers, rc)
		case f.Reader != nil:
			if s, ok := f.Reader.(io.Seeker); ok {
				if _, err := s.Seek(0, io.SeekStart); err != nil {
					return nil, "", fmt.Errorf("rewind file %q: %w", f.Name, err)
				}
			}
			readers[i] = f.Reader
		default:
			return nil, "", fmt.Errorf("file %q has neither Reader nor Open", f.Name)
		}
	}
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		err := writeParts(mw, payload, files, readers)
		for _, c := range closers {
			c.Close()
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	return pr, mw.FormDataContentType(), nil
}

func writeParts(mw *multipart.Writer, payload []byte, files []File, readers []io.Reader) error {
	if payload != nil {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="payload_json"`)
		h.Set("Content-Type", "application/json")
		w, err := mw.CreatePart(h)
		if err != nil {
			return err
		}
		if _, err := w.Write(payload); err != nil {
			return err
		}
	}
	for i, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="files[%s]"; filename="%s"`, strconv.Itoa(i), escapeQuotes(f.Name)))
		ct := f.ContentType
		if ct == "" {
			ct = "application/octet-stream"
		}
		h.Set("Content-Type", ct)
		w, err := mw.CreatePart(h)
		if err != nil {
			return err
		}
		if _, err := io.Copy(w, readers[i]); err != nil {
			return fmt.Errorf("upload file %q: %w", f.Name, err)
		}
	}
	return nil
}

var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"")

func escapeQuotes(s string) string { return quoteEscaper.Replace(s) }

// rewindable reports whether every file can be sent again.
func rewindable(files []File) bool {
	for _, f := range files {
		if _, ok := f.Reader.(io.Seeker); f.Open == nil && !ok {
			return false
		}
	}
	return true
}
