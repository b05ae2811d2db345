using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;

namespace Lux
{
    /// <summary>
    /// Anything a host's composition can reach: hosts, users, features and profiles.
    /// An aspect's <c>[PerHost]</c> and <c>[PerUser]</c> methods run once per context, however often it is reached.
    /// </summary>
    public abstract record Aspect
    {
        /// <summary>Aspects this one brings along (features, profiles). Reached twice, applied once.</summary>
        public virtual Aspects Includes => [];
    }

    /// <summary>Reusable behaviour (niri, openssh, sops, ...). A parameterised feature is a record with properties.</summary>
    public abstract record Feature : Aspect;

    /// <summary>A named bundle of features (graphical, development). Override <see cref="Aspect.Includes"/>.</summary>
    public abstract record Profile : Aspect;

    /// <summary>An ordered list of aspects, written as a collection expression: <c>[new Niri(), new Graphical()]</c>.</summary>
    [CollectionBuilder(typeof(Aspects), nameof(Create))]
    public sealed class Aspects : IReadOnlyList<Aspect>
    {
        private readonly Aspect[] items;

        private Aspects(Aspect[] items) => this.items = items;

        /// <summary>The collection-expression builder: <c>[a, b]</c> becomes <c>Aspects.Create([a, b])</c>.</summary>
        public static Aspects Create(ReadOnlySpan<Aspect> items) => new(items.ToArray());

        /// <summary>How many aspects there are.</summary>
        public int Count => items.Length;

        /// <summary>The entry at <paramref name="index"/>, in written order.</summary>
        public Aspect this[int index] => items[index];

        /// <summary>The aspects in written order (for <c>foreach</c> and LINQ).</summary>
        public IEnumerator<Aspect> GetEnumerator() => ((IEnumerable<Aspect>)items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The users of a host, in order: <c>[new Kiri(), new Ergon()]</c>.</summary>
    [CollectionBuilder(typeof(Users), nameof(Create))]
    public sealed class Users : IReadOnlyList<User>
    {
        private readonly User[] items;

        private Users(User[] items) => this.items = items;

        /// <summary>The collection-expression builder: <c>[a, b]</c> becomes <c>Users.Create([a, b])</c>.</summary>
        public static Users Create(ReadOnlySpan<User> items) => new(items.ToArray());

        /// <summary>The account names, in order (for <c>AllowUsers</c>, group members, ...).</summary>
        public IReadOnlyList<string> Names => items.Select(u => u.Name).ToArray();

        /// <summary>How many users there are.</summary>
        public int Count => items.Length;

        /// <summary>The entry at <paramref name="index"/>, in written order.</summary>
        public User this[int index] => items[index];

        /// <summary>Whether the user is in this list (by value: <c>host.Users.Contains(user)</c>).</summary>
        public bool Contains(User user) => items.Contains(user);

        /// <summary>The users in written order (for <c>foreach</c> and LINQ).</summary>
        public IEnumerator<User> GetEnumerator() => ((IEnumerable<User>)items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
