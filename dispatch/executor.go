package dispatch

import (
	"context"
	"runtime"
	"sync"
)

// Executor runs the handler tasks of events. Submit queues a task; tasks of
// the same key run in submission order when the executor promises ordering.
type Executor interface {
	// Submit queues task, blocking while the queue is full until ctx ends.
	// The task gets a context that is canceled when Close gives up waiting.
	Submit(ctx context.Context, key uint64, task func(ctx context.Context)) error
	// Close stops taking tasks and waits, until ctx ends, for the queued ones.
	Close(ctx context.Context) error
}

// DefaultQueue is the number of queued events per worker when an executor is
// made with a queue size of 0.
const DefaultQueue = 256

// PerGuild returns the default executor: events of one guild (one key) run in
// order on one worker, and different guilds run in parallel on workers
// goroutines, each with a queue of queue events. Zero values pick
// 2×GOMAXPROCS workers and DefaultQueue.
func PerGuild(workers, queue int) Executor {
	if workers <= 0 {
		workers = 2 * runtime.GOMAXPROCS(0)
	}
	return newWorkers(workers, queue, true)
}

// Sequential returns an executor that runs every event in order on one
// goroutine.
func Sequential(queue int) Executor { return newWorkers(1, queue, true) }

// Pool returns an executor that runs events on workers goroutines in no
// particular order, sharing one queue.
func Pool(workers, queue int) Executor {
	if workers <= 0 {
		workers = 2 * runtime.GOMAXPROCS(0)
	}
	return newWorkers(workers, queue, false)
}

// workers is a fixed set of goroutines, each reading its own bounded queue
// (keyed) or all reading one shared queue (unkeyed).
type workers struct {
	queues []chan func(context.Context)
	keyed  bool

	ctx    context.Context // given to tasks; canceled when Close gives up
	cancel context.CancelFunc

	mu         sync.Mutex
	closed     bool
	done       chan struct{} // closed by Close: Submit stops
	drain      chan struct{} // closed once no Submit is in flight: workers drain and exit
	submitters sync.WaitGroup
	running    sync.WaitGroup
}

func newWorkers(n, queue int, keyed bool) *workers {
	if queue <= 0 {
		queue = DefaultQueue
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := &workers{keyed: keyed, ctx: ctx, cancel: cancel, done: make(chan struct{}), drain: make(chan struct{})}
	nq := n
	if !keyed {
		nq = 1
	}
	for range nq {
		w.queues = append(w.queues, make(chan func(context.Context), queue))
	}
	for i := range n {
		q := w.queues[i%nq]
		w.running.Add(1)
		go w.work(q)
	}
	return w
}

func (w *workers) work(q chan func(context.Context)) {
	defer w.running.Done()
	for {
		select {
		case task := <-q:
			w.run(task)
		case <-w.drain:
			for {
				select {
				case task := <-q:
					w.run(task)
				default:
					return
				}
			}
		}
	}
}

func (w *workers) run(task func(context.Context)) {
	if w.ctx.Err() != nil {
		return // Close gave up: queued events are dropped
	}
	task(w.ctx)
}

// Submit queues a task on the worker of key.
func (w *workers) Submit(ctx context.Context, key uint64, task func(context.Context)) error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return ErrClosed
	}
	w.submitters.Add(1)
	w.mu.Unlock()
	defer w.submitters.Done()

	q := w.queues[0]
	if w.keyed && len(w.queues) > 1 {
		// Mix the key so snowflakes, whose low bits change slowly, spread
		// over the workers.
		q = w.queues[(key*0x9E3779B97F4A7C15)>>32%uint64(len(w.queues))]
	}
	select {
	case q <- task:
		return nil
	case <-w.done:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close stops taking tasks, lets the workers finish the queued ones and waits
// for them until ctx ends.
func (w *workers) Close(ctx context.Context) error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return nil
	}
	w.closed = true
	close(w.done)
	w.mu.Unlock()
	w.submitters.Wait()
	close(w.drain)

	finished := make(chan struct{})
	go func() {
		w.running.Wait()
		close(finished)
	}()
	select {
	case <-finished:
		w.cancel()
		return nil
	case <-ctx.Done():
		// Workers skip what is left and return once their current handler
		// does; a handler that ignores its context keeps its goroutine.
		w.cancel()
		return ctx.Err()
	}
}
