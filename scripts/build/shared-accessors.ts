/**
 * A Vite plugin for the server build: the objects Astro builds for every request (the render
 * options, the page's `Astro.response`, the `Astro` global's prototype and the middleware and
 * endpoint context) get their getters from functions shared by every request, instead of from
 * object-literal getters that close over the request.
 *
 * Why: V8 allocates the accessor pair behind an object-literal getter in the old generation,
 * and there it points at a closure over this request's state. A scavenge treats old-to-new
 * pointers as live, so each of those accessor pairs kept the whole request (its FetchState,
 * request, cookies, locals, rendered parts) alive through every scavenge until the next full
 * collection: 20% of everything a request allocated was copied and promoted (about 7 MB per
 * scavenge per worker under the bench's lesson row), and each scavenge paused its worker for
 * 10-17 ms instead of 1-2 ms, which is where the lesson page's p99 came from
 * (docs/performance.md, issue #20, part J). A shared getter reads the request's state from a
 * non-enumerable property of the object it is called on, so nothing old points at anything
 * young. The same part found the `Astro` global made with `Object.create` of a per-request
 * object (an old-generation map per request); each global is now an instance of a shared class.
 *
 * The getters keep their names, enumerability and behaviour; spreading one of these objects
 * still copies the getter's value and never the hidden state. The context's, the response's and
 * the partial's getters are inherited from their class instead of own properties, so
 * `Object.keys` no longer lists them (nothing in Astro or this app does). The transform fails the build when a piece of code it rewrites is not exactly once in
 * Astro's module, so an Astro upgrade that changes them cannot silently drop the change.
 */
import type { Plugin } from 'vite';
import { serverModuleTransform } from './server-transform.ts';

/** Where the code lives in the installed package. */
export const fetchStateModule = /[\\/]astro[\\/]dist[\\/]core[\\/]fetch[\\/]fetch-state\.js$/;

interface Rewrite {
  /** Which object, for the error message. */
  what: string;
  from: string;
  to: string;
}

const defaultRenderOptions = `{
        addCookieHeader: false,
        clientAddress: void 0,
        prerenderedErrorPageFetch: fetch,
        routeData: void 0,
        waitUntil: void 0
      }`;

/** Astro's warning when `Astro.session` is read without session storage, quoted as Astro writes it. */
const sessionWarningText =
  '"`Astro.session` was accessed but no session storage is configured. Either configure the storage manually or use an adapter that provides session storage. For more information, see https://docs.astro.build/en/guides/sessions/"';

export const rewrites: Rewrite[] = [
  {
    what: 'the render options (FetchState constructor)',
    from: `    this.renderOptions = {
      ...options ?? ${defaultRenderOptions},
      get locals() {
        return self.locals;
      }
    };`,
    to: `    this.renderOptions = rtwWithLocals({
      ...options ?? ${defaultRenderOptions}
    }, this);`,
  },
  {
    what: 'Astro.response (createResult)',
    from: `    const response = {
      status: actionResult?.error ? actionResult?.error.status : status,
      statusText: actionResult?.error ? actionResult?.error.type : "OK",
      get headers() {
        return headers;
      },
      set headers(_) {
        throw new AstroError(AstroErrorData.AstroResponseHeadersReassigned);
      }
    };`,
    to: `    const response = new RtwResponseInit(
      actionResult?.error ? actionResult?.error.status : status,
      actionResult?.error ? actionResult?.error.type : "OK",
      headers
    );`,
  },
  {
    what: 'the Astro global prototype (createAstroPagePartial)',
    from: `    const partial = {
      generator: ASTRO_GENERATOR,
      routePattern: this.routeData.route,
      isPrerendered: this.routeData.prerender,
      cookies,
      get slots() {
        const slotsByAstro = result._metadata.slotsByAstro ??= /* @__PURE__ */ new WeakMap();
        let slots = slotsByAstro.get(this);
        if (slots === void 0) {
          slots = new Slots(
            result,
            this[slotValuesSymbol] ?? null,
            logger
          );
          slotsByAstro.set(this, slots);
        }
        return slots;
      },
      get clientAddress() {
        return state.getClientAddress();
      },
      get currentLocale() {
        return state.computeCurrentLocale();
      },
      params,
      get preferredLocale() {
        return state.computePreferredLocale();
      },
      get preferredLocaleList() {
        return state.computePreferredLocaleList();
      },
      locals,
      redirect,
      rewrite,
      request: this.request,
      response,
      site: getSite(this.manifest),
      getActionResult: createGetActionResult(locals),
      get callAction() {
        return callAction;
      },
      url,
      get originPathname() {
        return getOriginPathname(state.request);
      },
      get csp() {
        return state.getCsp();
      },
      get logger() {
        return astroToRuntimeLogger(logger);
      }
    };`,
    to: `    const partial = new RtwPagePartial(this, { result, callAction, logger });
    partial.generator = ASTRO_GENERATOR;
    partial.routePattern = this.routeData.route;
    partial.isPrerendered = this.routeData.prerender;
    partial.cookies = cookies;
    partial.params = params;
    partial.locals = locals;
    partial.redirect = redirect;
    partial.rewrite = rewrite;
    partial.request = this.request;
    partial.response = response;
    partial.site = getSite(this.manifest);
    partial.getActionResult = createGetActionResult(locals);
    partial.url = url;`,
  },
  {
    what: 'the action and endpoint context (getActionAPIContext)',
    from: `    const ctx = {
      get cookies() {
        return state.cookies;
      },
      routePattern: this.routeData.route,
      isPrerendered: this.routeData.prerender,
      get clientAddress() {
        return state.getClientAddress();
      },
      get currentLocale() {
        return state.computeCurrentLocale();
      },
      generator: ASTRO_GENERATOR,
      get locals() {
        return state.locals;
      },
      set locals(_) {
        throw new AstroError(AstroErrorData.LocalsReassigned);
      },
      // SAFETY: getActionAPIContext is only called after route resolution,
      // so routeData is always set and the params getter always returns a value.
      params: this.params,
      get preferredLocale() {
        return state.computePreferredLocale();
      },
      get preferredLocaleList() {
        return state.computePreferredLocaleList();
      },
      request: this.request,
      site: getSite(this.manifest),
      url: this.url,
      get originPathname() {
        return getOriginPathname(state.request);
      },
      get csp() {
        return state.getCsp();
      },
      get logger() {
        return astroToRuntimeLogger(state.logger);
      }
    };`,
    to: `    const ctx = new RtwContext(this);
    ctx.routePattern = this.routeData.route;
    ctx.isPrerendered = this.routeData.prerender;
    ctx.generator = ASTRO_GENERATOR;
    ctx.params = this.params;
    ctx.request = this.request;
    ctx.site = getSite(this.manifest);
    ctx.url = this.url;`,
  },
  {
    what: 'the providers (defineProviderGetters)',
    from: `        Object.defineProperty(target, key, {
          get: () => state.resolve(key),
          enumerable: true,
          configurable: true
        });`,
    to: `        Object.defineProperty(target, key, rtwProviderAccessor(key));`,
  },
  {
    what: 'the session warning (defineProviderGetters)',
    from: `      let warned = false;
      Object.defineProperty(target, "session", {
        get() {
          if (!warned) {
            warned = true;
            state.logger.warn(
              "session",
              ${sessionWarningText}
            );
          }
          return void 0;
        },
        enumerable: true,
        configurable: true
      });`,
    to: `      Object.defineProperty(target, "session", rtwSessionWarning);`,
  },
  {
    what: 'the Astro global (createAstro)',
    from: `    const Astro = Object.assign(Object.create(astroPagePartial), {
      props,
      self: null
    });`,
    to: `    const Astro = rtwAstroGlobal(astroPagePartial, props);`,
  },
];

/**
 * Appended to the module: the shared getters. The context, `Astro.response` and the `Astro`
 * global's prototype are instances of small classes whose getters sit on the class's prototype
 * (enumerable, as the object-literal getters were): making one costs about what a plain object
 * costs (0.03 µs measured, against 2.7 µs for the object literal with ten getters and 4.2 µs for
 * `Object.defineProperties`). The render options keep an own getter, because Astro spreads them.
 */
const sharedGetters = `
// A string key, not a symbol: Astro's actions copy the context with
// Object.entries(Object.getOwnPropertyDescriptors(context)), which leaves symbol keys behind.
// Defined non-enumerable, so no spread, Object.keys or for...in sees it.
const rtwFetchState = "__rtwFetchState";
function rtwHoldState(target, state) {
  return Object.defineProperty(target, rtwFetchState, { value: state, writable: true, configurable: true });
}
const rtwHeld = Symbol("rtw.held");
const rtwSessionWarned = Symbol("rtw.sessionWarned");
const rtwPartialOf = Symbol("rtw.partial");
const rtwGlobalClass = Symbol("rtw.globalClass");
function rtwPrototypeGetters(target, ...getterSets) {
  for (const getters of getterSets) Object.defineProperties(target.prototype, Object.getOwnPropertyDescriptors(getters));
  return target;
}
const rtwLocalsOfState = {
  get() {
    return this[rtwFetchState].locals;
  },
  enumerable: true,
  configurable: true
};
function rtwWithLocals(options, state) {
  rtwHoldState(options, state);
  return Object.defineProperty(options, "locals", rtwLocalsOfState);
}
const RtwResponseInit = rtwPrototypeGetters(class {
  #headers;
  constructor(status, statusText, headers) {
    this.status = status;
    this.statusText = statusText;
    this.#headers = headers;
  }
  static headersOf(response) {
    return response.#headers;
  }
}, {
  get headers() {
    return RtwResponseInit.headersOf(this);
  },
  set headers(_) {
    throw new AstroError(AstroErrorData.AstroResponseHeadersReassigned);
  }
});
const rtwStateGetters = {
  get clientAddress() {
    return this[rtwFetchState].getClientAddress();
  },
  get currentLocale() {
    return this[rtwFetchState].computeCurrentLocale();
  },
  get preferredLocale() {
    return this[rtwFetchState].computePreferredLocale();
  },
  get preferredLocaleList() {
    return this[rtwFetchState].computePreferredLocaleList();
  },
  get originPathname() {
    return getOriginPathname(this[rtwFetchState].request);
  },
  get csp() {
    return this[rtwFetchState].getCsp();
  }
};
const RtwPagePartial = rtwPrototypeGetters(class {
  constructor(state, held) {
    rtwHoldState(this, state);
    this[rtwHeld] = held;
  }
}, rtwStateGetters, {
  get slots() {
    const { result, logger } = this[rtwHeld];
    const slotsByAstro = result._metadata.slotsByAstro ??= /* @__PURE__ */ new WeakMap();
    let slots = slotsByAstro.get(this);
    if (slots === void 0) {
      slots = new Slots(result, this[slotValuesSymbol] ?? null, logger);
      slotsByAstro.set(this, slots);
    }
    return slots;
  },
  get callAction() {
    return this[rtwHeld].callAction;
  },
  get logger() {
    return astroToRuntimeLogger(this[rtwHeld].logger);
  }
});
const RtwContext = rtwPrototypeGetters(class {
  constructor(state) {
    rtwHoldState(this, state);
  }
}, rtwStateGetters, {
  get cookies() {
    return this[rtwFetchState].cookies;
  },
  get locals() {
    return this[rtwFetchState].locals;
  },
  set locals(_) {
    throw new AstroError(AstroErrorData.LocalsReassigned);
  },
  get logger() {
    return astroToRuntimeLogger(this[rtwFetchState].logger);
  }
});
const rtwSessionWarning = {
  get() {
    const state = this[rtwFetchState];
    if (!state[rtwSessionWarned]) {
      state[rtwSessionWarned] = true;
      state.logger.warn(
        "session",
        ${sessionWarningText}
      );
    }
    return void 0;
  },
  enumerable: true,
  configurable: true
};
const rtwProviderAccessors = new Map();
function rtwProviderAccessor(key) {
  let accessor = rtwProviderAccessors.get(key);
  if (accessor === void 0) {
    accessor = {
      get() {
        return this[rtwFetchState].resolve(key);
      },
      enumerable: true,
      configurable: true
    };
    rtwProviderAccessors.set(key, accessor);
  }
  return accessor;
}
/*
 * The Astro global of each component inherited the page's partial through Object.create, which
 * gives every request's partial a map of its own in the old generation. Instead, each global is
 * an instance of a class shared by every request whose partial has the same keys: its prototype
 * reads each of the partial's own properties from the partial (getters with the global as
 * receiver, as before), and inherits the partial class's getters.
 */
const rtwGlobalClasses = new Map();
const rtwSymbolNames = new Map();
function rtwKeyName(key) {
  if (typeof key === "string") return key;
  let name = rtwSymbolNames.get(key);
  if (name === void 0) {
    name = \`\\u0001\${rtwSymbolNames.size}\`;
    rtwSymbolNames.set(key, name);
  }
  return name;
}
function rtwGlobalClassFor(partial) {
  const keys = Reflect.ownKeys(partial);
  const signature = keys.map(rtwKeyName).join("\\u0000");
  let AstroGlobal = rtwGlobalClasses.get(signature);
  if (AstroGlobal !== void 0) return AstroGlobal;
  const prototype = Object.create(Object.getPrototypeOf(partial));
  for (const key of keys) {
    Object.defineProperty(prototype, key, {
      get() {
        return Reflect.get(this[rtwPartialOf], key, this);
      },
      set(value) {
        Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: Object.getOwnPropertyDescriptor(partial, key).enumerable,
      configurable: true
    });
  }
  AstroGlobal = function AstroGlobal(partial, props) {
    this[rtwPartialOf] = partial;
    this.props = props;
    this.self = null;
  };
  AstroGlobal.prototype = prototype;
  if (rtwGlobalClasses.size < 32) rtwGlobalClasses.set(signature, AstroGlobal);
  return AstroGlobal;
}
function rtwAstroGlobal(partial, props) {
  let AstroGlobal = partial[rtwGlobalClass];
  if (AstroGlobal === void 0) {
    AstroGlobal = rtwGlobalClassFor(partial);
    Object.defineProperty(partial, rtwGlobalClass, { value: AstroGlobal, configurable: true });
  }
  return new AstroGlobal(partial, props);
}
`;

/** The module's code with every per-request getter replaced by a shared one. */
export function shareAccessors(code: string): string {
  let out = code;
  for (const rewrite of rewrites) {
    const parts = out.split(rewrite.from);
    if (parts.length !== 2)
      throw new Error(
        `shared-accessors: the code of ${rewrite.what} is not in Astro's fetch-state.js exactly once; ` +
          'Astro changed it. Update scripts/build/shared-accessors.ts (or remove the plugin if Astro no longer ' +
          'builds per-request objects with object-literal getters).',
      );
    out = parts.join(rewrite.to);
  }
  return `${out}\n${sharedGetters}`;
}

export function sharedAccessors(): Plugin {
  return serverModuleTransform({
    name: 'rtw:shared-accessors',
    matches: (id) => fetchStateModule.test(id),
    transform: shareAccessors,
    missing: 'shared-accessors: the server build never loaded astro/dist/core/fetch/fetch-state.js.',
  });
}
