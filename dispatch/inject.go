package dispatch

import (
	"context"
	"fmt"
	"reflect"

	"github.com/cordage/cordage/events"
)

// provider yields the value of an injected parameter for one delivery.
type provider func(ctx context.Context, d *Delivery) (reflect.Value, error)

var (
	contextType = reflect.TypeFor[context.Context]()
	errorType   = reflect.TypeFor[error]()
	eventType   = reflect.TypeFor[events.Event]()
)

// Provide registers v for injection: a handler added with AddHandler that has
// a parameter of v's dynamic type receives v. A later Provide of the same type
// replaces it for handlers added afterwards. To provide a value under an
// interface type, use ProvideAs.
func (d *Dispatcher) Provide(v any) {
	if v == nil {
		panic("dispatch: Provide(nil)")
	}
	val := reflect.ValueOf(v)
	d.setProvider(val.Type(), func(context.Context, *Delivery) (reflect.Value, error) { return val, nil })
}

// ProvideAs registers v for injection into parameters of type T, which may be
// an interface type.
func ProvideAs[T any](d *Dispatcher, v T) {
	val := reflect.ValueOf(&v).Elem()
	d.setProvider(reflect.TypeFor[T](), func(context.Context, *Delivery) (reflect.Value, error) { return val, nil })
}

// ProvideFunc registers a function that computes the value of parameters of
// type T for each event, such as the shard that received it. An error from f
// fails the handler's call.
func ProvideFunc[T any](d *Dispatcher, f func(ctx context.Context, del *Delivery) (T, error)) {
	d.setProvider(reflect.TypeFor[T](), func(ctx context.Context, del *Delivery) (reflect.Value, error) {
		v, err := f(ctx, del)
		if err != nil {
			return reflect.Value{}, err
		}
		return reflect.ValueOf(&v).Elem(), nil
	})
}

func (d *Dispatcher) setProvider(t reflect.Type, p provider) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.providers[t] = p
}

// AddHandler registers fn, a function whose first parameter is an event type
// such as *events.MessageCreate (or events.Event for every event) and whose
// other parameters are injected by type: context.Context and any type given
// to Provide, ProvideAs or ProvideFunc. fn returns nothing or an error. The
// plan for calling fn is made now: a parameter nothing provides, or a
// function of the wrong shape, is an error here.
func (d *Dispatcher) AddHandler(fn any) (remove func(), err error) {
	v := reflect.ValueOf(fn)
	t := v.Type()
	if t.Kind() != reflect.Func {
		return nil, fmt.Errorf("dispatch: AddHandler: %T is not a function", fn)
	}
	if t.NumIn() == 0 || !t.In(0).Implements(eventType) {
		return nil, fmt.Errorf("dispatch: AddHandler: the first parameter of %s must be an event type such as *events.MessageCreate", t)
	}
	switch {
	case t.NumOut() == 0:
	case t.NumOut() == 1 && t.Out(0) == errorType:
	default:
		return nil, fmt.Errorf("dispatch: AddHandler: %s must return nothing or an error", t)
	}
	if t.IsVariadic() {
		return nil, fmt.Errorf("dispatch: AddHandler: %s is variadic", t)
	}
	name := anyEvent
	if et := t.In(0); et != eventType {
		if et.Kind() != reflect.Pointer {
			return nil, fmt.Errorf("dispatch: AddHandler: event parameter %s must be a pointer such as *events.MessageCreate", et)
		}
		name = reflect.Zero(et).Interface().(events.Event).EventName()
	}

	d.mu.Lock()
	plan := make([]provider, t.NumIn())
	for i := 1; i < t.NumIn(); i++ {
		pt := t.In(i)
		if pt == contextType {
			plan[i] = func(ctx context.Context, _ *Delivery) (reflect.Value, error) {
				return reflect.ValueOf(&ctx).Elem(), nil
			}
			continue
		}
		p, ok := d.providers[pt]
		if !ok {
			d.mu.Unlock()
			return nil, fmt.Errorf("dispatch: AddHandler: nothing provides parameter %d (%s) of %s", i+1, pt, t)
		}
		plan[i] = p
	}
	d.mu.Unlock()

	returnsErr := t.NumOut() == 1
	call := func(ctx context.Context, del *Delivery) error {
		args := make([]reflect.Value, len(plan))
		args[0] = reflect.ValueOf(del.Event)
		for i := 1; i < len(plan); i++ {
			a, err := plan[i](ctx, del)
			if err != nil {
				return fmt.Errorf("inject %s: %w", t.In(i), err)
			}
			args[i] = a
		}
		out := v.Call(args)
		if returnsErr && !out[0].IsNil() {
			return out[0].Interface().(error)
		}
		return nil
	}
	return d.add(name, call), nil
}
