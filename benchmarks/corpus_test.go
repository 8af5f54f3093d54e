package benchmarks

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/cordage/cordage/internal/specdata"
)

// corpusLines is the number of payloads in the recorded corpus.
const corpusLines = 7980

// syntheticMembers is the member count of the synthetic GUILD_CREATE.
const syntheticMembers = 10_000

// payload is one dispatch event: its name and its d payload.
type payload struct {
	name string
	d    []byte
}

// workload is a list of dispatch events handled in order.
type workload struct {
	payloads []payload
	bytes    int64 // total size of the d payloads
}

func newWorkload(ps ...payload) workload {
	w := workload{payloads: ps}
	for _, p := range ps {
		w.bytes += int64(len(p.d))
	}
	return w
}

// workloads are the inputs of the benchmarks, all built from the corpus.
type workloads struct {
	// recorded is every dispatch (op 0) of the corpus, in order.
	recorded workload
	// largest is the corpus's largest GUILD_CREATE.
	largest workload
	// synthetic is largest with syntheticMembers members.
	synthetic workload
	// messages is every payload of the corpus (dispatches, HELLO and
	// heartbeat ACKs), whole, in order: what the gateway sends.
	messages [][]byte
}

var corpusCache struct {
	once sync.Once
	w    *workloads
	err  error
}

// corpus returns the workloads, reading the corpus of the shared folder once.
// It skips the test when the folder is absent (fails when
// CORDAGE_REQUIRE_SHARED is set).
func corpus(tb testing.TB) *workloads {
	tb.Helper()
	path := specdata.Path(tb, "corpus", "gateway-shard0.jsonl.gz")
	corpusCache.once.Do(func() { corpusCache.w, corpusCache.err = loadWorkloads(path) })
	if corpusCache.err != nil {
		tb.Fatal(corpusCache.err)
	}
	return corpusCache.w
}

func loadWorkloads(path string) (*workloads, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", path, err)
	}
	var (
		lines    int
		recorded []payload
		largest  payload
		messages [][]byte
	)
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		lines++
		messages = append(messages, slices.Clone(sc.Bytes()))
		var p struct {
			Op int             `json:"op"`
			T  string          `json:"t"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("corpus line %d: %w", lines, err)
		}
		if p.Op != 0 {
			continue
		}
		recorded = append(recorded, payload{name: p.T, d: p.D})
		if p.T == "GUILD_CREATE" && len(p.D) > len(largest.d) {
			largest = payload{name: p.T, d: p.D}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("corpus %s: %w", path, err)
	}
	if lines != corpusLines {
		return nil, fmt.Errorf("corpus %s has %d payloads, want %d", path, lines, corpusLines)
	}
	big, err := withMembers(largest.d, recorded, syntheticMembers)
	if err != nil {
		return nil, fmt.Errorf("synthetic GUILD_CREATE: %w", err)
	}
	return &workloads{
		recorded:  newWorkload(recorded...),
		largest:   newWorkload(largest),
		synthetic: newWorkload(payload{name: "GUILD_CREATE", d: big}),
		messages:  messages,
	}, nil
}

// withMembers returns the GUILD_CREATE guild with n members, copied in turn
// from the members of every GUILD_CREATE of recorded and each given a new
// user id. The result depends only on its inputs.
func withMembers(guild []byte, recorded []payload, n int) ([]byte, error) {
	var templates []map[string]json.RawMessage
	for _, p := range recorded {
		if p.name != "GUILD_CREATE" {
			continue
		}
		var g struct {
			Members []map[string]json.RawMessage `json:"members"`
		}
		if err := json.Unmarshal(p.d, &g); err != nil {
			return nil, err
		}
		templates = append(templates, g.Members...)
	}
	if len(templates) == 0 {
		return nil, fmt.Errorf("the corpus has no guild members to copy")
	}
	var g map[string]json.RawMessage
	if err := json.Unmarshal(guild, &g); err != nil {
		return nil, err
	}
	members := make([]map[string]json.RawMessage, n)
	for i := range members {
		var user map[string]json.RawMessage
		if err := json.Unmarshal(templates[i%len(templates)]["user"], &user); err != nil {
			return nil, err
		}
		user["id"] = json.RawMessage(strconv.Quote(strconv.Itoa(800_000_000_000_000_000 + i)))
		m := make(map[string]json.RawMessage, len(templates[i%len(templates)]))
		for k, v := range templates[i%len(templates)] {
			m[k] = v
		}
		var err error
		if m["user"], err = json.Marshal(user); err != nil {
			return nil, err
		}
		members[i] = m
	}
	var err error
	if g["members"], err = json.Marshal(members); err != nil {
		return nil, err
	}
	g["member_count"] = json.RawMessage(strconv.Itoa(n))
	g["large"] = json.RawMessage("true")
	return json.Marshal(g)
}
