package discordtest

import (
	"net/url"
	"strings"
)

// authFlags are the credentials a route accepts, from the spec's security.
type authFlags uint8

const (
	authBot    authFlags = 1 << iota // Authorization: Bot <token>
	authOAuth2                       // Authorization: Bearer <token>
	authNone                         // no Authorization header
)

// bodyFlags are the request encodings a route accepts.
type bodyFlags uint8

const (
	bodyJSON      bodyFlags = 1 << iota // application/json
	bodyForm                            // application/x-www-form-urlencoded
	bodyMultipart                       // multipart/form-data
)

// route is one operation of Discord's REST API.
type route struct {
	Method       string
	Path         string // template: /channels/{channel_id}/messages
	Operation    string // the spec's operationId
	Auth         authFlags
	Major        string // channel_id, guild_id, webhook_id or webhook_id+webhook_token
	Success      []int  // 2xx statuses the spec lists
	Body         bodyFlags
	BodyRequired bool
	Deprecated   bool
}

// name is how tests and the fault API name a route: "POST /channels/{channel_id}/messages".
func (r *route) name() string { return r.Method + " " + r.Path }

// routeNode is one path segment of the route trie.
type routeNode struct {
	literal map[string]*routeNode
	param   *routeNode // a {name} segment
	pname   string
	methods map[string]*route
}

// router matches request paths to routes. Literal segments win over
// parameters, as Discord's own router does (/users/@me before /users/{user_id}).
type router struct {
	root   routeNode
	byName map[string]*route // "METHOD /path" and operationId
}

func newRouter(table []route) *router {
	rt := &router{byName: map[string]*route{}}
	for i := range table {
		r := &table[i]
		n := &rt.root
		for _, seg := range splitPath(r.Path) {
			if strings.HasPrefix(seg, "{") {
				if n.param == nil {
					n.param = &routeNode{}
				}
				n.param.pname = strings.Trim(seg, "{}")
				n = n.param
				continue
			}
			if n.literal == nil {
				n.literal = map[string]*routeNode{}
			}
			next, ok := n.literal[seg]
			if !ok {
				next = &routeNode{}
				n.literal[seg] = next
			}
			n = next
		}
		if n.methods == nil {
			n.methods = map[string]*route{}
		}
		n.methods[r.Method] = r
		rt.byName[r.name()] = r
		rt.byName[r.Operation] = r
	}
	return rt
}

// match finds the route for a method and an escaped path. It returns the
// route and its path parameters; when the path is known but the method is
// not, it returns nil and found = true.
func (rt *router) match(method, escapedPath string) (r *route, params map[string]string, found bool) {
	segs := splitPath(escapedPath)
	params = map[string]string{}
	n := rt.find(&rt.root, segs, params)
	if n == nil {
		return nil, nil, false
	}
	r, ok := n.methods[method]
	if !ok {
		return nil, nil, true
	}
	return r, params, true
}

// find walks the trie, preferring literal segments and backtracking to
// parameters when a literal branch leads nowhere.
func (rt *router) find(n *routeNode, segs []string, params map[string]string) *routeNode {
	if len(segs) == 0 {
		if len(n.methods) > 0 {
			return n
		}
		return nil
	}
	seg, err := url.PathUnescape(segs[0])
	if err != nil {
		return nil
	}
	if next, ok := n.literal[seg]; ok {
		if found := rt.find(next, segs[1:], params); found != nil {
			return found
		}
	}
	if n.param != nil && seg != "" {
		if found := rt.find(n.param, segs[1:], params); found != nil {
			params[n.param.pname] = seg
			return found
		}
	}
	return nil
}

// allowed lists the methods of a known path, for the Allow header of a 405.
func (rt *router) allowed(escapedPath string) []string {
	n := rt.find(&rt.root, splitPath(escapedPath), map[string]string{})
	if n == nil {
		return nil
	}
	var out []string
	for _, m := range []string{"GET", "PUT", "POST", "PATCH", "DELETE"} {
		if _, ok := n.methods[m]; ok {
			out = append(out, m)
		}
	}
	return out
}

func splitPath(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// lookup finds a route by "METHOD /path" or operationId.
func (rt *router) lookup(name string) (*route, bool) {
	r, ok := rt.byName[name]
	return r, ok
}
